using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoldingToAccount.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UpdateDecision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Decision",
                table: "ActionUpdates",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "None");

            UpdateDecisionBackfill.Apply(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Decision",
                table: "ActionUpdates");
        }
    }
}
