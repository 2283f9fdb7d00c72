using DirectiveHub.Text;

namespace DirectiveHub.Organizations;

/// <summary>The organization tree read from the revisions, for any date, and searched without regard to diacritics.</summary>
public static class OrganizationTree
{
    /// <summary>
    /// The units that existed on <paramref name="date"/> (established by then, not yet dissolved), each under the
    /// parent it had then, depth-first in name order. Units whose parent then is not among
    /// <paramref name="organizations"/> (outside the viewer's subtree) are shown as roots; units whose parent is among
    /// them but no longer existed on that date (left behind by a dissolution) are not: they are
    /// <see cref="LeftBehind"/>, for the administrator to move or dissolve.
    /// </summary>
    public static IReadOnlyList<TreeLine> AsOf(IEnumerable<Organization> organizations, DateOnly date)
    {
        var existing = organizations
            .Where(o => o.EstablishedOn <= date && (o.DissolvedOn is null || o.DissolvedOn > date))
            .Select(o => (Organization: o, Revision: o.AsOf(date)))
            .ToDictionary(x => x.Organization.Id);
        var children = existing.Values
            .Where(x => x.Revision.ParentId is { } parent && existing.ContainsKey(parent))
            .ToLookup(x => x.Revision.ParentId!.Value);
        var lines = new List<TreeLine>(existing.Count);
        var visited = new HashSet<Guid>();

        void Walk((Organization Organization, OrganizationRevision Revision) node, int depth)
        {
            if (!visited.Add(node.Organization.Id))
            {
                return;
            }

            lines.Add(new TreeLine(node.Organization, node.Revision, depth));
            foreach (var child in children[node.Organization.Id].OrderBy(c => c.Revision.Name, StringComparer.Ordinal))
            {
                Walk(child, depth + 1);
            }
        }

        var known = organizations.Select(o => o.Id).ToHashSet();
        foreach (var root in existing.Values.Where(x => x.Revision.ParentId is not { } parent || (!existing.ContainsKey(parent) && !known.Contains(parent))).OrderBy(x => x.Revision.Name, StringComparer.Ordinal))
        {
            Walk(root, 0);
        }

        return lines;
    }

    /// <summary>
    /// The units that existed on <paramref name="date"/> under a parent (among <paramref name="organizations"/>) that no
    /// longer did: a committee dissolved while its boards or bodies were kept. Not shown in the tree (they would sit at
    /// its root as if they were committees of their own); the administrator moves them under the successor or
    /// dissolves them.
    /// </summary>
    public static IReadOnlyList<Organization> LeftBehind(IEnumerable<Organization> organizations, DateOnly date)
    {
        var all = organizations.ToList();
        bool Exists(Organization o) => o.EstablishedOn <= date && (o.DissolvedOn is null || o.DissolvedOn > date);
        var existing = all.Where(Exists).Select(o => o.Id).ToHashSet();
        var known = all.Select(o => o.Id).ToHashSet();
        return all.Where(o => Exists(o) && o.AsOf(date).ParentId is { } parent && known.Contains(parent) && !existing.Contains(parent))
            .OrderBy(o => o.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The lines whose name, code, symbol or place contains <paramref name="search"/> ignoring case and diacritics
    /// ("quoc oai" finds "HUYỆN ỦY QUỐC OAI"), with their ancestors kept so each match reads in place.
    /// </summary>
    public static IReadOnlyList<TreeLine> Search(IReadOnlyList<TreeLine> lines, string? search)
    {
        var needle = VietnameseText.Fold(search?.Trim());
        if (needle.Length == 0)
        {
            return lines;
        }

        var byId = lines.ToDictionary(l => l.Organization.Id);
        var keep = new HashSet<Guid>();
        foreach (var line in lines.Where(l => Matches(l, needle)))
        {
            Guid? id = line.Organization.Id;
            while (id is { } current && keep.Add(current) && byId.TryGetValue(current, out var node))
            {
                id = node.AsOf.ParentId;
            }
        }

        return lines.Where(l => keep.Contains(l.Organization.Id)).ToList();
    }

    public static bool Matches(TreeLine line, string foldedNeedle) =>
        VietnameseText.Fold(line.AsOf.Name).Contains(foldedNeedle, StringComparison.Ordinal)
        || VietnameseText.Fold(line.Organization.Code).Contains(foldedNeedle, StringComparison.Ordinal)
        || VietnameseText.Fold(line.AsOf.SymbolCode).Contains(foldedNeedle, StringComparison.Ordinal)
        || VietnameseText.Fold(line.AsOf.Place).Contains(foldedNeedle, StringComparison.Ordinal);
}
