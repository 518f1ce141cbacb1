using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using BinancePostman.Catalog;
using BinancePostman.Session;

namespace BinancePostman.Commands
{
    /// <summary>
    /// The endpoints an Invoke-BinanceRequest without a name will be piped, read from the command line before any
    /// object arrives, so that their parameters can be bound by name and completed with Tab:
    /// <c>Get-BinanceEndpoint 'Spot\Order Book' | Invoke-BinanceRequest -symbol BNBUSDT</c>, or <c>$e | Invoke-BinanceRequest</c>
    /// with $e holding endpoints. The line comes from TabExpansion2's frame while completing, and from the calling
    /// frame's current statement while running. Nothing is run: only constant arguments and variables are read.
    /// </summary>
    internal static class PipedEndpoints
    {
        private const int MostEndpoints = 50;

        public static IReadOnlyList<Endpoint> Find(PSCmdlet cmdlet, EndpointCatalog catalog)
        {
            try
            {
                (Ast? root, int offset) = CommandLine(cmdlet);
                if (root == null) return Array.Empty<Endpoint>();
                // the request command nearest before the cursor (or the running command's start): a cursor may sit past its end
                CommandAst? invoke = null;
                foreach (Ast found in root.FindAll(a => a is CommandAst c && IsInvokeRequest(c) && c.Extent.StartOffset <= offset, true))
                    if (invoke == null || found.Extent.StartOffset > invoke.Extent.StartOffset) invoke = (CommandAst)found;
                return invoke == null ? Array.Empty<Endpoint>() : ForCommand(invoke, name => cmdlet.SessionState.PSVariable.GetValue(name), catalog);
            }
            catch (Exception ex) when (ex is ParseException || ex is InvalidOperationException || ex is ArgumentException || ex is PSInvalidOperationException)
            {
                return Array.Empty<Endpoint>();
            }
        }

        /// <summary>The script text around the command, and where in it the command is.</summary>
        private static (Ast? root, int offset) CommandLine(PSCmdlet cmdlet)
        {
            var debugger = System.Management.Automation.Runspaces.Runspace.DefaultRunspace?.Debugger;
            if (debugger == null) return (null, -1);
            CallStackFrame? caller = null;
            foreach (CallStackFrame frame in debugger.GetCallStack())
            {
                caller ??= frame;
                if (!string.Equals(frame.InvocationInfo?.MyCommand?.Name, "TabExpansion2", StringComparison.OrdinalIgnoreCase)) continue;
                Dictionary<string, PSVariable> variables = frame.GetFrameVariables();
                if (variables.TryGetValue("ast", out PSVariable? astVariable) && Unwrap(astVariable.Value) is Ast ast)
                    return (ast, CursorOffset(variables));
                if (variables.TryGetValue("inputScript", out PSVariable? input) && Unwrap(input.Value) is string script)
                    return (Parser.ParseInput(script, out _, out _), CursorOffset(variables));
            }
            // running: the statement the calling frame is at holds the whole pipeline
            IScriptExtent? extent = caller?.Position;
            if (extent == null || extent.Text.Length == 0) return (null, -1);
            int inLine = cmdlet.MyInvocation.OffsetInLine;
            Ast root = Parser.ParseInput(extent.Text, out _, out _);
            int offset = extent.StartLineNumber == cmdlet.MyInvocation.ScriptLineNumber
                ? Math.Max(0, inLine - extent.StartColumnNumber)
                : LineStart(extent.Text, cmdlet.MyInvocation.ScriptLineNumber - extent.StartLineNumber) + Math.Max(0, inLine - 1);
            return (root, offset);
        }

        private static int CursorOffset(Dictionary<string, PSVariable> variables)
        {
            if (variables.TryGetValue("cursorColumn", out PSVariable? column) && Unwrap(column.Value) is int c) return c;
            if (variables.TryGetValue("positionOfCursor", out PSVariable? position) && Unwrap(position.Value) is IScriptPosition p) return p.Offset;
            return int.MaxValue;
        }

        private static int LineStart(string text, int line)
        {
            int at = 0;
            for (int i = 0; i < line && at >= 0; i++) at = text.IndexOf('\n', at) + 1;
            return Math.Max(0, at);
        }

        private static bool IsInvokeRequest(CommandAst command)
        {
            string? name = command.GetCommandName();
            return name != null && (name.Equals("Invoke-BinanceRequest", StringComparison.OrdinalIgnoreCase)
                || name.Equals("BinancePostman\\Invoke-BinanceRequest", StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>The endpoints piped into <paramref name="invoke"/> by the pipeline element before it, when the line tells.</summary>
        public static IReadOnlyList<Endpoint> ForCommand(CommandAst invoke, Func<string, object?> readVariable, EndpointCatalog catalog)
        {
            if (!(invoke.Parent is PipelineAst pipeline)) return Array.Empty<Endpoint>();
            int index = pipeline.PipelineElements.IndexOf(invoke);
            return index < 1 ? Array.Empty<Endpoint>() : Upstream(pipeline.PipelineElements[index - 1], readVariable, catalog);
        }

        private static IReadOnlyList<Endpoint> Upstream(CommandBaseAst element, Func<string, object?> readVariable, EndpointCatalog catalog)
        {
            if (element is CommandExpressionAst expression && expression.Expression is VariableExpressionAst variable)
                return FromValue(readVariable(variable.VariablePath.UserPath));
            if (!(element is CommandAst command)) return Array.Empty<Endpoint>();
            string? name = command.GetCommandName();
            if (name == null || !(name.Equals("Get-BinanceEndpoint", StringComparison.OrdinalIgnoreCase)
                || name.Equals("BinancePostman\\Get-BinanceEndpoint", StringComparison.OrdinalIgnoreCase))) return Array.Empty<Endpoint>();

            var names = new List<string>();
            var collections = new List<string>();
            var elements = command.CommandElements;
            for (int i = 1; i < elements.Count; i++)
            {
                if (elements[i] is CommandParameterAst parameter)
                {
                    Ast? argument = parameter.Argument ?? (i + 1 < elements.Count && !(elements[i + 1] is CommandParameterAst) ? elements[++i] : null);
                    if (parameter.ParameterName.Equals("Name", StringComparison.OrdinalIgnoreCase)) names.AddRange(Constants(argument));
                    else if (parameter.ParameterName.Equals("Collection", StringComparison.OrdinalIgnoreCase)) collections.AddRange(Constants(argument));
                    continue;
                }
                if (names.Count == 0) names.AddRange(Constants(elements[i]));
            }
            if (names.Count == 0) return Array.Empty<Endpoint>();
            var nameFilters = names.Select(n => (pattern: WildcardPattern.Get(n, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant), qualified: n.IndexOf('\\') > 0)).ToList();
            var collectionFilter = new NameFilter(collections.Count == 0 ? null : collections);
            List<Endpoint> matches = catalog.Endpoints
                .Where(e => collectionFilter.Matches(e.Collection) && nameFilters.Any(f => f.pattern.IsMatch(f.qualified ? e.QualifiedName : e.Name)))
                .Take(MostEndpoints + 1)
                .ToList();
            return matches.Count > MostEndpoints ? Array.Empty<Endpoint>() : matches;
        }

        private static IEnumerable<string> Constants(Ast? argument)
        {
            switch (argument)
            {
                case StringConstantExpressionAst constant:
                    yield return constant.Value;
                    break;
                case ArrayLiteralAst array:
                    foreach (ExpressionAst item in array.Elements)
                        if (item is StringConstantExpressionAst c) yield return c.Value;
                    break;
            }
        }

        private static IReadOnlyList<Endpoint> FromValue(object? value)
        {
            var found = new List<Endpoint>();
            foreach (object? item in LanguagePrimitives.GetEnumerable(value) ?? new[] { value })
            {
                if (Unwrap(item) is Endpoint endpoint && !found.Contains(endpoint)) found.Add(endpoint);
                if (found.Count > MostEndpoints) return Array.Empty<Endpoint>();
            }
            return found;
        }

        private static object? Unwrap(object? value) => value is PSObject pso ? pso.BaseObject : value;
    }
}
