using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HoldingToAccount.Core.Data.Migrations.Postgres;

/// <summary>The register's text search index (<see cref="ActionSearchIndex"/>); SQL only, so the model is unchanged.</summary>
[DbContext(typeof(PostgresAppDbContext))]
[Migration("20261130000100_ActionSearch")]
public sealed class ActionSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => ActionSearchIndex.PostgresUp(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => ActionSearchIndex.PostgresDown(migrationBuilder);
}
