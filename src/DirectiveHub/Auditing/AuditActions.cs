namespace DirectiveHub.Auditing;

public static class AuditActions
{
    public const string Created = "Created";
    public const string Updated = "Updated";
    public const string Published = "Published";
    public const string Superseded = "Superseded";
    public const string Acknowledged = "Acknowledged";
    public const string Reported = "Reported";
    public const string Received = "Received";
    public const string ResultAccepted = "ResultAccepted";
    public const string ResultReturned = "ResultReturned";
    public const string ExtensionRequested = "ExtensionRequested";
    public const string ExtensionDecided = "ExtensionDecided";
    public const string Urged = "Urged";
    public const string Refused = "Refused";
    public const string Cancelled = "Cancelled";
    public const string TaskCancelled = "TaskCancelled";
    public const string Reassigned = "Reassigned";
    public const string HandlerAssigned = "HandlerAssigned";
    public const string SubstituteNamed = "SubstituteNamed";
    public const string SubstituteEnded = "SubstituteEnded";
    public const string SignedIn = "SignedIn";
    public const string SignInFailed = "SignInFailed";
    public const string SessionsEnded = "SessionsEnded";
    public const string RoleChanged = "RoleChanged";
    public const string SettingChanged = "SettingChanged";
    public const string CalendarDaySet = "CalendarDaySet";
    public const string CalendarDayRemoved = "CalendarDayRemoved";
    public const string ReportFrozen = "ReportFrozen";
    public const string ReportIssued = "ReportIssued";
    public const string SlipInstructionRecorded = "SlipInstructionRecorded";
}
