using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CallCenter.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a database or the app's configuration.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CallCenterDbContext>
{
    public CallCenterDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CallCenterDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=callcenter_design")
            .Options);
}
