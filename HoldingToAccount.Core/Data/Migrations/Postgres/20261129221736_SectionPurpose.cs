using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoldingToAccount.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SectionPurpose : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "AgendaSections",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Business");

            SectionPurposeBackfill.Apply(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Purpose",
                table: "AgendaSections");
        }
    }
}
