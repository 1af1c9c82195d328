using System.Globalization;
using System.Text.Json;

namespace HoldingToAccount.Core.Audit;

/// <summary>What the ids in the trail are called today: action references, role codes, meeting titles, people's names.
/// An id not found (a record deleted since) is shown as the kind of record and its number.</summary>
public sealed record AuditNames(
    IReadOnlyDictionary<int, string> Actions,
    IReadOnlyDictionary<int, string> Roles,
    IReadOnlyDictionary<int, string> Meetings,
    IReadOnlyDictionary<int, string> People,
    IReadOnlyDictionary<int, string> Series,
    IReadOnlyDictionary<string, string> Users,
    IReadOnlyDictionary<string, string> SignInRoles)
{
    public static readonly AuditNames None = new(
        new Dictionary<int, string>(), new Dictionary<int, string>(), new Dictionary<int, string>(),
        new Dictionary<int, string>(), new Dictionary<int, string>(), new Dictionary<string, string>(), new Dictionary<string, string>());
}

/// <summary>One line of the trail as a person reads it, with the recorded entries it stands for (one, or several written
/// in the same save, such as the removed and added owners of one action).</summary>
public sealed record AuditLine(string Sentence, IReadOnlyList<AuditRow> Rows)
{
    public AuditRow First => Rows[0];
}

/// <summary>
/// The audit trail in plain English: "Sam Carter changed the owners of 2017/01 from CC to CC, DCC — 29 Nov 2026 14:03".
/// Every record the audit interceptor writes gets a sentence; a kind of record not known here still reads as a sentence
/// naming the record and the fields that changed.
/// </summary>
public static class AuditSentences
{
    private const string Added = "Added", Modified = "Modified", Deleted = "Deleted";
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Fields that change with every edit and say nothing to a reader.</summary>
    private static readonly HashSet<string> Bookkeeping = ["Version", "ConcurrencyStamp", "SecurityStamp", "Order", "Id"];

    /// <summary>The sentence for one recorded entry.</summary>
    public static string Describe(AuditRow row, AuditNames names)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(names);
        var entry = new Entry(row);
        var what = TypeName(row.EntityType) switch
        {
            "ActionItem" => ActionItem(entry, names),
            "ActionUpdate" => ActionUpdate(entry, names),
            "ActionOwners" => ActionOwner(entry, names),
            "Meeting" => Meeting(entry),
            "AgendaItem" => AgendaItem(entry, names),
            "MeetingAttendee" => Attendee(entry, names),
            "Person" => Person(entry),
            "Role" => Role(entry),
            "RoleHolding" => RoleHolding(entry, names),
            "MeetingSeries" => Series(entry),
            "AgendaSection" => Section(entry, names),
            "ApplicationUser" => User(entry),
            "IdentityUserRole" => UserRole(entry, names),
            "ApiToken" => Token(entry, names),
            "DisplayToken" => DisplayToken(entry),
            "ChaseRequest" => ChaseRequest(entry, names),
            _ => null,
        } ?? Generic(entry);
        return Sentence(row.Who, what, row.AtUtc);
    }

    /// <summary>The owners of one action, changed in one save: "changed the owners of 2017/01 from CC to CC, DCC".</summary>
    public static string OwnersChanged(string who, DateTime atUtc, string reference, IReadOnlyCollection<string> before, IReadOnlyCollection<string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var what = before.Count == 0
            ? $"set the owners of {reference} to {Codes(after)}"
            : after.Count == 0 ? $"removed every owner of {reference} (was {Codes(before)})" : $"changed the owners of {reference} from {Codes(before)} to {Codes(after)}";
        return Sentence(who, what, atUtc);
    }

    /// <summary>When, in London time, as the trail shows it: "29 Nov 2026 14:03".</summary>
    public static string When(DateTime atUtc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(atUtc, DateTimeKind.Utc), London.Zone).ToString("d MMM yyyy HH:mm", Uk);

    /// <summary>The kind of record as stored, without generic arity: "IdentityUserRole`1" is "IdentityUserRole".</summary>
    public static string TypeName(string entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        var name = entityType.Split('`')[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    /// <summary>A record type as a reader calls it: "MeetingAttendee" is "meeting attendee".</summary>
    public static string Humanise(string entityType) => TypeName(entityType) switch
    {
        "ActionItem" => "action",
        "ActionUpdate" => "action update",
        "ActionOwners" => "action owner",
        "ApplicationUser" => "user account",
        "IdentityUserRole" => "sign-in role of a user",
        "ApiToken" => "personal token",
        "DisplayToken" => "room-screen link",
        "MeetingSeries" => "meeting series",
        var other => string.Concat(other.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())),
    };

    private static string Sentence(string who, string what, DateTime atUtc) => $"{who} {what} — {When(atUtc)}";

    private static string? ActionItem(Entry e, AuditNames names)
    {
        var reference = ActionReference(e) ?? ActionName(e.IdNumber, names);
        var noun = e.Value("Kind") == "Revisit" ? "revisit" : "action";
        switch (e.Change)
        {
            case Added:
                return $"raised {noun} {reference}: {Quote(e.Value("Text"))}";
            case Deleted:
                return $"deleted {noun} {reference}";
        }
        var clauses = new List<string>();
        var changed = e.Changed.Select(c => c.Field).ToHashSet();
        if (changed.Remove("Status"))
            clauses.Add(StatusClause(e.Before("Status"), e.After("Status"), reference));
        if (changed.Remove("Text"))
            clauses.Add($"changed the wording of {reference} from {Quote(e.Before("Text"))} to {Quote(e.After("Text"))}");
        string[] due = ["DueKind", "DueMeetingId", "DueDate", "DuePhrase"];
        if (due.Any(changed.Contains))
        {
            clauses.Add($"changed when {reference} is due from {Due(e.Before, names)} to {Due(e.After, names)}");
            changed.ExceptWith(due);
        }
        if (changed.Remove("RaisedAtAgendaItemId"))
            clauses.Add(e.After("RaisedAtAgendaItemId") is null ? $"unlinked {reference} from its agenda item" : $"linked {reference} to an agenda item");
        changed.ExceptWith(["ClosedAtMeetingId", "ClosedOn"]);
        clauses.AddRange(Fields(e, changed, $"of {reference}"));
        return clauses.Count == 0 ? $"saved {reference} without changing it" : Join(clauses);
    }

    private static string StatusClause(string? before, string? after, string reference) => after switch
    {
        "Closed" => $"closed {reference}",
        "Cancelled" => $"cancelled {reference}",
        "Open" when before is "Closed" or "Cancelled" => $"reopened {reference} (was {Status(before)})",
        "ProposedComplete" => $"proposed {reference} as complete",
        _ => $"changed the status of {reference} from {Status(before)} to {Status(after)}",
    };

    private static string Status(string? status) => status switch
    {
        "UpdateProvided" => "update provided",
        "ProposedComplete" => "proposed complete",
        null => "none",
        var s => s.ToLowerInvariant(),
    };

    private static string Due(Func<string, string?> value, AuditNames names) => value("DueKind") switch
    {
        "Meeting" => Id(value("DueMeetingId")) is { } m ? MeetingName(m, names) : "a meeting",
        "Date" => value("DueDate") is { } d ? $"the first meeting on or after {Show(d)}" : "a date",
        "NextMeeting" => "the next meeting",
        _ => "not set",
    };

    private static string? ActionUpdate(Entry e, AuditNames names)
    {
        var reference = ActionName(Id(e.Value("ActionItemId")), names);
        var text = Quote(e.Value("Text"));
        return e.Change switch
        {
            Added => e.Value("NewStatus") switch
            {
                "ProposedComplete" => $"posted an update on {reference}, proposing it complete: {text}",
                "Closed" or "Cancelled" or "Open" => $"recorded on {reference}: {text}",
                _ => $"posted an update on {reference}: {text}",
            },
            Deleted => $"deleted an update on {reference}: {text}",
            _ => $"edited an update on {reference}: {Join(Fields(e, e.Changed.Select(c => c.Field), ""))}",
        };
    }

    private static string? ActionOwner(Entry e, AuditNames names)
    {
        var reference = ActionName(Id(e.Value("ActionItemId")), names);
        var role = RoleName(Id(e.Value("OwnersId")), names);
        return e.Change switch
        {
            Added => $"added {role} to the owners of {reference}",
            Deleted => $"removed {role} from the owners of {reference}",
            _ => null,
        };
    }

    private static string? Meeting(Entry e)
    {
        var title = Quote(e.Value("Title"), 120);
        switch (e.Change)
        {
            case Added:
                return $"added the meeting {title} on {Show(e.Value("Date"))}";
            case Deleted:
                return $"deleted the meeting {title}";
        }
        var clauses = new List<string>();
        var changed = e.Changed.Select(c => c.Field).ToHashSet();
        if (changed.Remove("Status"))
        {
            changed.ExceptWith(["PublishedAt", "WithdrawnAt", "WithdrawnReason"]);
            clauses.Add(e.After("Status") switch
            {
                "Held" when e.Before("Status") == "Published" => $"withdrew the public notes of {title}: {Quote(e.After("WithdrawnReason"), 300)}",
                "Held" => $"marked {title} held",
                "Cancelled" => $"cancelled {title}",
                "Published" => $"published the notes of {title}",
                var s => $"changed the status of {title} from {Status(e.Before("Status"))} to {Status(s)}",
            });
        }
        if (changed.Remove("Date") | changed.Remove("StartTime"))
            clauses.Add($"moved {title} from {Show(e.Before("Date"))} {e.Before("StartTime")?[..5]} to {Show(e.After("Date"))} {e.After("StartTime")?[..5]}");
        if (changed.Remove("Title"))
            clauses.Add($"renamed the meeting {Quote(e.Before("Title"), 120)} to {title}");
        clauses.AddRange(Fields(e, changed, $"of {title}"));
        return clauses.Count == 0 ? null : Join(clauses);
    }

    private static string? AgendaItem(Entry e, AuditNames names)
    {
        var item = $"item {e.Value("Number")} {Quote(e.Value("Title"))}";
        var meeting = MeetingName(Id(e.Value("MeetingId")), names);
        if (e.Change == Added)
            return $"added {item} to the agenda of {meeting}";
        if (e.Change == Deleted)
            return $"removed {item} from the agenda of {meeting}";
        var changed = e.Changed.Select(c => c.Field).ToHashSet();
        if (changed.Remove("Number") && changed.All(f => f is "Order" or "Section"))
            return $"moved item {Quote(e.Value("Title"))} from {e.Before("Number")} to {e.After("Number")} on the agenda of {meeting}";
        changed.Remove("Order");
        return $"edited {item} of {meeting}: {Join(Fields(e, changed, ""))}";
    }

    private static string? Attendee(Entry e, AuditNames names)
    {
        var meeting = MeetingName(Id(e.Value("MeetingId")), names);
        var name = e.Value("Name") ?? "someone";
        var present = e.Value("Attendance") == "Apologies" ? "as sending apologies for" : "as attending";
        return e.Change switch
        {
            Added => $"recorded {name} {present} {meeting}",
            Deleted => $"took {name} off the attendance of {meeting}",
            _ => null,
        };
    }

    private static string? Person(Entry e)
    {
        var name = e.Value("Name") ?? "a person";
        if (e.Change == Added)
            return $"added {name} to the people";
        if (e.Change == Deleted)
            return $"deleted {name} from the people";
        var changed = e.Changed.Select(c => c.Field).ToHashSet();
        var clauses = new List<string>();
        if (changed.Remove("Active"))
            clauses.Add(e.After("Active") == "True" ? $"marked {name} active again" : $"marked {name} as no longer active");
        if (changed.Remove("Name"))
            clauses.Add($"renamed {e.Before("Name")} to {name}");
        clauses.AddRange(Fields(e, changed, $"of {name}"));
        return clauses.Count == 0 ? null : Join(clauses);
    }

    private static string? Role(Entry e)
    {
        var role = $"{e.Value("Code")} ({e.Value("Title")})";
        return e.Change switch
        {
            Added => $"added the role {role}",
            Deleted => $"deleted the role {role}",
            _ => $"changed the role {role}: {Join(Fields(e, e.Changed.Select(c => c.Field), ""))}",
        };
    }

    /// <summary>A chase sent now is recorded as a request handled at once; the chair's request stays open until handled.</summary>
    private static string? ChaseRequest(Entry e, AuditNames names)
    {
        var reference = ActionName(Id(e.Value("ActionItemId")), names);
        return e.Change switch
        {
            Added when e.Value("HandledAtUtc") is not null => $"sent a chase for an update on {reference}",
            Added => $"asked for the owner of {reference} to be chased",
            Modified when e.After("HandledAtUtc") is not null => $"dealt with the request to chase the owner of {reference}",
            _ => null,
        };
    }

    private static string? RoleHolding(Entry e, AuditNames names)
    {
        var person = PersonName(Id(e.Value("PersonId")), names);
        var role = RoleName(Id(e.Value("RoleId")), names);
        var temporary = e.Value("Temporary") == "True" ? " temporarily" : "";
        var to = e.Value("To") is { } end ? $" to {Show(end)}" : "";
        switch (e.Change)
        {
            case Added:
                return $"recorded {person} as holding {role}{temporary} from {Show(e.Value("From"))}{to}";
            case Deleted:
                return $"deleted the record of {person} holding {role}";
        }
        var changed = e.Changed.Select(c => c.Field).ToList();
        return changed.SequenceEqual(["To"]) && e.After("To") is { } ended
            ? $"recorded that {person} holds {role} until {Show(ended)}"
            : $"changed {person}'s holding of {role}: {Join(Fields(e, changed, ""))}";
    }

    private static string? Series(Entry e) => e.Change switch
    {
        Added => $"added the meeting series {Quote(e.Value("Name"), 120)}",
        Deleted => $"deleted the meeting series {Quote(e.Value("Name"), 120)}",
        _ when e.Changed.Select(c => c.Field).SequenceEqual(["IsPublic"]) => e.After("IsPublic") is "true" or "True"
            ? $"made the meeting series {Quote(e.Value("Name"), 120)} public: its published notes show on the public pages"
            : $"took the meeting series {Quote(e.Value("Name"), 120)} off the public pages",
        _ => $"changed the meeting series {Quote(e.Value("Name"), 120)}: {Join(Fields(e, e.Changed.Select(c => c.Field), ""))}",
    };

    private static string? Section(Entry e, AuditNames names)
    {
        var section = $"section {e.Value("Number")} {Quote(e.Value("Title"))}";
        var series = Id(e.Value("SeriesId")) is { } s && names.Series.TryGetValue(s, out var name) ? Quote(name, 120) : "a series";
        return e.Change switch
        {
            Added => $"added {section} to the agenda template of {series}",
            Deleted => $"removed {section} from the agenda template of {series}",
            _ => $"changed {section} of {series}: {Join(Fields(e, e.Changed.Select(c => c.Field), ""))}",
        };
    }

    private static string? User(Entry e)
    {
        var name = e.Value("DisplayName") ?? e.Value("Email") ?? "a user";
        var account = $"the account of {name}";
        if (e.Change == Added)
            return $"created a user account for {name} ({e.Value("Email")})";
        if (e.Change == Deleted)
            return $"deleted {account}";
        var changed = e.Changed.Select(c => c.Field).ToHashSet();
        var clauses = new List<string>();
        if (changed.Remove("Disabled"))
            clauses.Add(e.After("Disabled") == "True" ? $"disabled {account}" : $"enabled {account} again");
        if (changed.Remove("AccessFailedCount"))
            clauses.Add(int.TryParse(e.After("AccessFailedCount"), out var failed) && failed > 0
                ? $"recorded a failed sign-in to {account}" : $"cleared the failed sign-ins of {account}");
        if (changed.Remove("LockoutEnd"))
            clauses.Add(e.After("LockoutEnd") is null ? $"unlocked {account}" : $"locked {account} after repeated failed sign-ins");
        clauses.AddRange(Fields(e, changed, $"of {account}"));
        return clauses.Count == 0 ? $"changed the password or sign-in details of {account}" : Join(clauses);
    }

    private static string? UserRole(Entry e, AuditNames names)
    {
        var user = e.Value("UserId") is { } u && names.Users.TryGetValue(u, out var userName) ? userName : "a user";
        var role = e.Value("RoleId") is { } r && names.SignInRoles.TryGetValue(r, out var roleName) ? $"the {roleName} sign-in role" : "a sign-in role";
        return e.Change switch
        {
            Added => $"gave {user} {role}",
            Deleted => $"took {role} from {user}",
            _ => null,
        };
    }

    private static string? Token(Entry e, AuditNames names)
    {
        var user = e.Value("UserId") is { } u && names.Users.TryGetValue(u, out var userName) ? userName : "a user";
        var kind = e.Value("Purpose") == "Calendar" ? "calendar token" : "API token";
        var token = $"the {kind} {Quote(e.Value("Name"), 120)} of {user}";
        if (e.Change == Added)
            return $"created {token}";
        if (e.Change == Deleted)
            return $"deleted {token}";
        return e.Changed.Any(c => c.Field == "RevokedUtc") && e.After("RevokedUtc") is not null ? $"revoked {token}" : null;
    }

    private static string? DisplayToken(Entry e)
    {
        var link = $"the room-screen link {Quote(e.Value("Name"), 120)}";
        if (e.Change == Added)
            return $"created {link}";
        if (e.Change == Deleted)
            return $"deleted {link}";
        return e.Changed.Any(c => c.Field == "RevokedUtc") && e.After("RevokedUtc") is not null ? $"revoked {link}" : null;
    }

    private static string Generic(Entry e)
    {
        var record = $"{Humanise(e.Row.EntityType)} {e.Row.EntityId}";
        return e.Change switch
        {
            Added => $"added {record}",
            Deleted => $"deleted {record}",
            _ => e.Changed.Count == 0 ? $"saved {record} without changing it" : $"changed {record}: {Join(Fields(e, e.Changed.Select(c => c.Field), ""))}",
        };
    }

    /// <summary>"the venue of “X” from A to B" for each field a sentence has not already told.</summary>
    private static IEnumerable<string> Fields(Entry e, IEnumerable<string> fields, string of) =>
        fields.Where(f => !Bookkeeping.Contains(f)).Order(StringComparer.Ordinal).Select(f =>
            $"changed the {FieldName(f)}{(of.Length > 0 ? " " + of : "")} from {Value(e.Before(f))} to {Value(e.After(f))}");

    private static string FieldName(string field) => field switch
    {
        "Venue" => "venue",
        "Chair" => "chair",
        "MinuteTaker" => "minute taker",
        "Email" => "e-mail address",
        _ => Humanise(field.EndsWith("Id", StringComparison.Ordinal) && field.Length > 2 ? field[..^2] : field),
    };

    private static string Value(string? value) => value switch
    {
        null or "" => "nothing",
        "True" => "yes",
        "False" => "no",
        "(hidden)" => "(hidden)",
        _ when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => London.ShortDate(d),
        _ => Quote(value),
    };

    private static string Show(string? date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? London.ShortDate(d) : date ?? "no date";

    private static string Quote(string? text, int max = 80) =>
        text is null ? "“”" : $"“{(text.Length > max ? text[..(max - 1)].TrimEnd() + "…" : text)}”";

    private static string Codes(IEnumerable<string> codes) => string.Join(", ", codes);

    private static string Join(List<string> clauses) =>
        clauses.Count <= 1 ? string.Concat(clauses) : string.Join(", ", clauses.Take(clauses.Count - 1)) + " and " + clauses[^1];

    private static string Join(IEnumerable<string> clauses) => Join(clauses.ToList());

    private static int? Id(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string? ActionReference(Entry e) =>
        Id(e.Value("Year")) is { } year && Id(e.Value("Sequence")) is { } sequence ? Actions.ActionReference.Format(year, sequence) : null;

    private static string ActionName(int? id, AuditNames names) =>
        id is { } i && names.Actions.TryGetValue(i, out var reference) ? reference : $"action #{id}";

    private static string RoleName(int? id, AuditNames names) =>
        id is { } i && names.Roles.TryGetValue(i, out var code) ? code : $"role #{id}";

    private static string MeetingName(int? id, AuditNames names) =>
        id is { } i && names.Meetings.TryGetValue(i, out var title) ? Quote(title, 120) : $"meeting #{id}";

    private static string PersonName(int? id, AuditNames names) =>
        id is { } i && names.People.TryGetValue(i, out var name) ? name : $"person #{id}";

    /// <summary>One entry's values before and after, as text.</summary>
    private sealed class Entry
    {
        private readonly Dictionary<string, string?> _before, _after;

        public Entry(AuditRow row)
        {
            Row = row;
            _before = Parse(row.Before);
            _after = Parse(row.After);
            Changed = AuditService.Differences(row);
        }

        public AuditRow Row { get; }
        public string Change => Row.Change;
        public IReadOnlyList<(string Field, string? Before, string? After)> Changed { get; }
        public int? IdNumber => Id(Row.EntityId);

        public string? Before(string field) => _before.GetValueOrDefault(field);
        public string? After(string field) => _after.GetValueOrDefault(field);

        /// <summary>The value as it stands after the change, or as it was before a deletion.</summary>
        public string? Value(string field) => _after.TryGetValue(field, out var v) ? v : _before.GetValueOrDefault(field);

        private static Dictionary<string, string?> Parse(string? json)
        {
            if (string.IsNullOrEmpty(json))
                return [];
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind != JsonValueKind.Object
                ? []
                : doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.ToString());
        }
    }
}
