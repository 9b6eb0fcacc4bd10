namespace Split
{
    public partial class Ledger
    {
        /// <summary>Credit.</summary>
        public partial long Credit { get; set; }

        /// <summary>Balance.</summary>
        public long Balance => Credit - Debit;
    }
}
