using System.Collections.Generic;

namespace BinancePostman.CollectionGenerator.Source
{
    /// <summary>A folder: sub-folders and requests, in the order the source first mentions them.</summary>
    public sealed class FolderSource
    {
        public FolderSource(string name) => Name = name;

        public string Name { get; }
        /// <summary>Each entry is a FolderSource or a RequestSource.</summary>
        public List<object> Items { get; } = new List<object>();

        public FolderSource SubFolder(string name)
        {
            foreach (var item in Items)
                if (item is FolderSource folder && folder.Name == name) return folder;
            var created = new FolderSource(name);
            Items.Add(created);
            return created;
        }

        public IEnumerable<RequestSource> AllRequests()
        {
            foreach (var item in Items)
            {
                if (item is RequestSource request) yield return request;
                else foreach (var nested in ((FolderSource)item).AllRequests()) yield return nested;
            }
        }
    }
}
