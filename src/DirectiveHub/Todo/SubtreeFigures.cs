namespace DirectiveHub.Todo;

public sealed record SubtreeFigures(int OverdueTasks, int LateUnits, int SpecialRedToDecide);
