namespace Stm.Generated.Tests.Model;

/// <summary>A one-slot mailbox: Take retries while it is empty, so takers block until a Put commits.</summary>
[Transactional]
public partial class Mailbox
{
    public partial int? Item { get; set; }

    public void Put(int item) => Atomic.Run(() =>
    {
        if (Item is not null)
        {
            Atomic.Retry();
        }

        Item = item;
    });

    public int Take() => Atomic.Run(() =>
    {
        if (Item is not int item)
        {
            Atomic.Retry();
            return 0;
        }

        Item = null;
        return item;
    });
}
