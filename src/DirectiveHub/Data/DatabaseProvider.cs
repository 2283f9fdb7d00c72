namespace DirectiveHub.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
