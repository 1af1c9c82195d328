using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoldingToAccount.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Publication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsPublic",
                table: "Series",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                table: "Meetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAt",
                table: "Meetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnReason",
                table: "Meetings",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Restricted",
                table: "ActionItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsPublic",
                table: "Series");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "WithdrawnReason",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Restricted",
                table: "ActionItems");
        }
    }
}
