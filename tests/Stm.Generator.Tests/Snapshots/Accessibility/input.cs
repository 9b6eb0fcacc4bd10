using Stm;

namespace Shop.Orders;

[Transactional]
internal partial class Order
{
    public partial int Quantity { get; private set; }
    internal partial string Customer { get; set; }
    protected partial decimal Discount { get; set; }
    private partial bool Shipped { get; set; }
    protected internal partial long Version { get; protected set; }
    private protected partial int Priority { get; init; }
    public partial string Note { internal get; set; }

    public Order(string customer) => Customer = customer;

    public void Ship()
    {
        Shipped = true;
        Quantity = 0;
        Discount = 0m;
        Version++;
    }

    public bool IsShipped => Shipped && Priority == 0;
}
