namespace RecruiterBot.Core.Knowledge;

/// <summary>One of the four layers of a full-stack Python application (ux, application, data, delivery).</summary>
public sealed record StackLayer(
    string Id,
    int Number,
    string Title,
    string Subtitle,
    IReadOnlyList<string> Technologies,
    MarkerGroup Markers);

/// <summary>The resume markers the reference lists for a layer ("Front-end markers: Django templates, Jinja, ...").</summary>
public sealed record MarkerGroup(string Title, IReadOnlyList<string> Items);
