using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoldingToAccount.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class MeetingResponsesAndImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImportedFromHash",
                table: "Meetings",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WrittenResponsesDue",
                table: "Meetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_ImportedFromHash",
                table: "Meetings",
                column: "ImportedFromHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Meetings_ImportedFromHash",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "ImportedFromHash",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "WrittenResponsesDue",
                table: "Meetings");
        }
    }
}
