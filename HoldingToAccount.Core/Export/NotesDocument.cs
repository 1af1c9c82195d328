namespace HoldingToAccount.Core.Export;

/// <summary>A meeting's notes as the office publishes them, as .docx and as HTML, and the chair's actions pack.</summary>
public static class NotesDocument
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void WriteDocx(MeetingNotes notes, Stream output) =>
        WordDocumentWriter.Write(NotesLayout.Notes(notes), NotesLayout.NotesInfo(notes), output);

    public static string Html(MeetingNotes notes) =>
        HtmlDocumentWriter.Write(NotesLayout.Notes(notes), NotesLayout.NotesInfo(notes));

    public static void WriteActionsPack(MeetingNotes notes, Stream output) =>
        WordDocumentWriter.Write(NotesLayout.ActionsPack(notes), NotesLayout.ActionsPackInfo(notes), output);

    /// <summary>"notes-2017-01-31.docx", "notes-2017-01-31-public.html", "actions-pack-2017-02-28.docx".</summary>
    public static string FileName(MeetingNotes notes, string kind, string extension) =>
        $"{kind}-{ExportText.IsoDate(notes.Detail.Meeting.Date)}{(kind == "notes" && notes.Variant == NotesVariant.Public ? "-public" : "")}.{extension}";
}
