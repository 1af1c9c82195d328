using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HoldingToAccount.Core.Data.Migrations;

/// <summary>The register's text search index (<see cref="ActionSearchIndex"/>); SQL only, so the model is unchanged.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261130000100_ActionSearch")]
public sealed class ActionSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => ActionSearchIndex.SqliteUp(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => ActionSearchIndex.SqliteDown(migrationBuilder);
}
