namespace DirectiveHub.Assignments;

/// <summary>How a lifecycle action went, for the edge to answer: the pages and the API map these to 200/403/404.</summary>
public enum LifecycleStatus
{
    Done,

    /// <summary>The caller may not see the assignment (another branch of the tree): "not found".</summary>
    NotFound,

    /// <summary>The caller sees it but the action is the other side's (the assignee reviewing its own result).</summary>
    Forbidden,
}
