using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoldingToAccount.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AgendaItemRestricted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Restricted",
                table: "AgendaItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Restricted",
                table: "AgendaItems");
        }
    }
}
