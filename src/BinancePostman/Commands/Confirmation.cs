using System.Linq;
using System.Management.Automation;
using BinancePostman.Http;
using BinancePostman.Session;

namespace BinancePostman.Commands
{
    /// <summary>-WhatIf and -Confirm for requests that change state; withdrawals and transfers ask once more unless -Force or -Confirm:$false.</summary>
    internal static class Confirmation
    {
        public static bool Ask(PSCmdlet cmdlet, PlannedRequest plan, bool force)
        {
            if (plan.Impact == StateChangeImpact.None) return true;
            PreparedRequest request = plan.Request;
            string target = request.Method + " " + request.BaseUri + request.Path;
            string action = plan.DisplayName + ": " + string.Join(" ", request.Query.Concat(request.Body).Select(kv => kv.Key + "=" + kv.Value));
            if (!cmdlet.ShouldProcess(target, action)) return false;
            bool confirmedOff = cmdlet.MyInvocation.BoundParameters.TryGetValue("Confirm", out object? c) && c is SwitchParameter sw && !sw.IsPresent;
            if (plan.Impact == StateChangeImpact.MovesFunds && !force && !confirmedOff)
                return cmdlet.ShouldContinue($"{plan.DisplayName} moves funds ({action}). Send it?", "Confirm a withdrawal or transfer");
            return true;
        }
    }
}
