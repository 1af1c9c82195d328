using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoldingToAccount.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Probe : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
