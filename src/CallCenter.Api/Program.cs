using CallCenter.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapApiEndpoints();

app.Run();

/// <summary>Entry point; public so the tests can host the API in process.</summary>
public partial class Program;
