namespace DirectiveHub.Assignments;

public enum AssignmentRole
{
    /// <summary>Đơn vị chủ trì: its status is the task's status.</summary>
    Lead,

    /// <summary>Đơn vị phối hợp.</summary>
    Coordinator,
}
