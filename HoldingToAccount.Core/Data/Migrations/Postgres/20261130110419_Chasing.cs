using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HoldingToAccount.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Chasing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LineRoleId",
                table: "Roles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "ReminderDeliveries",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplyToken",
                table: "ReminderDeliveries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestedBy",
                table: "ReminderDeliveries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "ActionUpdates",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "App");

            migrationBuilder.CreateTable(
                name: "ChaseRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActionItemId = table.Column<int>(type: "integer", nullable: false),
                    MeetingId = table.Column<int>(type: "integer", nullable: true),
                    RequestedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HandledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChaseRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChaseRequests_ActionItems_ActionItemId",
                        column: x => x.ActionItemId,
                        principalTable: "ActionItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChaseRequests_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Escalations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActionItemId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Threshold = table.Column<int>(type: "integer", nullable: false),
                    EscalatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Escalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Escalations_ActionItems_ActionItemId",
                        column: x => x.ActionItemId,
                        principalTable: "ActionItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InboundMailbox",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    LastRunUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSuccessUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboundMailbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboundReplies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageId = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    From = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProcessedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DeliveryId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboundReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InboundReplies_ReminderDeliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalTable: "ReminderDeliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Roles_LineRoleId",
                table: "Roles",
                column: "LineRoleId");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_MessageId",
                table: "ReminderDeliveries",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_ReplyToken",
                table: "ReminderDeliveries",
                column: "ReplyToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChaseRequests_ActionItemId_HandledAtUtc",
                table: "ChaseRequests",
                columns: new[] { "ActionItemId", "HandledAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ChaseRequests_MeetingId",
                table: "ChaseRequests",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_ActionItemId_Reason_Threshold",
                table: "Escalations",
                columns: new[] { "ActionItemId", "Reason", "Threshold" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_EscalatedOn",
                table: "Escalations",
                column: "EscalatedOn");

            migrationBuilder.CreateIndex(
                name: "IX_InboundReplies_DeliveryId",
                table: "InboundReplies",
                column: "DeliveryId");

            migrationBuilder.CreateIndex(
                name: "IX_InboundReplies_MessageId",
                table: "InboundReplies",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboundReplies_ProcessedAtUtc",
                table: "InboundReplies",
                column: "ProcessedAtUtc");

            migrationBuilder.AddForeignKey(
                name: "FK_Roles_Roles_LineRoleId",
                table: "Roles",
                column: "LineRoleId",
                principalTable: "Roles",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Roles_Roles_LineRoleId",
                table: "Roles");

            migrationBuilder.DropTable(
                name: "ChaseRequests");

            migrationBuilder.DropTable(
                name: "Escalations");

            migrationBuilder.DropTable(
                name: "InboundMailbox");

            migrationBuilder.DropTable(
                name: "InboundReplies");

            migrationBuilder.DropIndex(
                name: "IX_Roles_LineRoleId",
                table: "Roles");

            migrationBuilder.DropIndex(
                name: "IX_ReminderDeliveries_MessageId",
                table: "ReminderDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_ReminderDeliveries_ReplyToken",
                table: "ReminderDeliveries");

            migrationBuilder.DropColumn(
                name: "LineRoleId",
                table: "Roles");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "ReminderDeliveries");

            migrationBuilder.DropColumn(
                name: "ReplyToken",
                table: "ReminderDeliveries");

            migrationBuilder.DropColumn(
                name: "RequestedBy",
                table: "ReminderDeliveries");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "ActionUpdates");
        }
    }
}
