namespace BinancePostman.Session
{
    /// <summary>
    /// -Skip and -First over a stream of rows: the first <see cref="Skip"/> rows are passed over, then at most
    /// <see cref="First"/> are written. With -All the window spans every page, so paging can stop once it is full.
    /// </summary>
    internal sealed class RowWindow
    {
        private ulong _skipped;
        private ulong _written;

        public RowWindow(ulong skip, ulong first)
        {
            Skip = skip;
            First = first;
        }

        public ulong Skip { get; }
        public ulong First { get; }

        /// <summary>True once -First rows have been written: nothing more is wanted.</summary>
        public bool Full => _written >= First;

        /// <summary>Rows still wanted, those to pass over included; capped at int.MaxValue.</summary>
        public int Wanted
        {
            get
            {
                if (Full) return 0;
                ulong wanted = (Skip - _skipped) + (First - _written);
                // First defaults to ulong.MaxValue: the sum wraps around
                return wanted < Skip - _skipped || wanted > int.MaxValue ? int.MaxValue : (int)wanted;
            }
        }

        /// <summary>Takes the next row: true when it is to be written, false when it is passed over (or the window is full).</summary>
        public bool Admit()
        {
            if (Full) return false;
            if (_skipped < Skip)
            {
                _skipped++;
                return false;
            }
            _written++;
            return true;
        }
    }
}
