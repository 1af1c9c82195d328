using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoldingToAccount.Dashboard.Auth.Migrations
{
    /// <inheritdoc />
    public partial class CalendarTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "ApiTokens",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Purpose",
                table: "ApiTokens");
        }
    }
}
