namespace DirectiveHub.Assignments;

public sealed record EvidenceFile(string FileName, string ContentType, long Length, string StorageKey);
