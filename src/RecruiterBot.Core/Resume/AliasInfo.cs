namespace RecruiterBot.Core.Resume;

/// <summary>What an alias of the resume automaton names: a skill (index into the knowledge base's skills), a technology
/// outside the guide, a hobbies-line marker ("Hobbies", "free time"), or neither (an ordinary phrase such as
/// "Monty Python" that hides a skill name).</summary>
/// <param name="Implies">Another skill the alias shows too ("DRF" shows Django), or -1.</param>
/// <param name="Ambiguous">An everyday word as well as a skill name ("flask", "rest"): counts only in a technical context.</param>
/// <param name="Everyday">An everyday word outside the guide ("Spring"): counts only on a skills line or in a list of technologies.</param>
/// <param name="PythonOnly">Only Python code uses it (Django, pytest, SQLAlchemy): it shows Python.</param>
internal readonly record struct AliasInfo(int Skill, int Outside, int Implies, bool Ambiguous, bool Everyday, bool PythonOnly, bool HobbyMarker = false)
{
    /// <summary>Names a skill or a technology outside the guide, so it can stand as technical context.</summary>
    public bool IsTechnical => Skill >= 0 || Outside >= 0;
}
