using HoldingToAccount.Core;
using HoldingToAccount.Dashboard;

var verb = CommandLine.IsVerb(args);
var builder = WebApplication.CreateBuilder(verb ? [] : args);
// The dashboard first: its Hangfire queue takes the place of Core's send-straight-away default.
builder.AddDashboard(forCommandLine: verb);
builder.Services.AddCore(builder.Configuration);

var app = builder.Build();
if (verb)
    return await CommandLine.RunAsync(app.Services, args);

await app.UseDashboardAsync();
await app.RunAsync();
return 0;
