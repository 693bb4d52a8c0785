using VideoHub.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddVideoHub();

var app = builder.Build();
app.MapVideoHub();
app.Run();

public partial class Program;
