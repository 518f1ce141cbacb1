using System.Text;

namespace BinancePostman.CollectionGenerator.Source
{
    /// <summary>File names from display names: lower case, runs of other characters become one dash.</summary>
    public static class Slug
    {
        public static string From(string name)
        {
            var slug = new StringBuilder();
            foreach (char c in name.ToLowerInvariant())
            {
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) slug.Append(c);
                else if (slug.Length > 0 && slug[slug.Length - 1] != '-') slug.Append('-');
            }
            return slug.ToString().TrimEnd('-');
        }
    }
}
