using System.ComponentModel.DataAnnotations;

namespace Jiaowang.Web.Features.Evaluations;

/// <summary>The satisfaction vote's settings, section <c>Evaluations</c>.</summary>
public sealed class EvaluationOptions
{
    /// <summary>
    /// Results are withheld, and the answers discarded at the seal, when fewer ballots than this were cast: with one or
    /// two ballots the tallies and comments are someone's own ballot. Default 5.
    /// </summary>
    [Range(1, 1000)]
    public int MinimumBallots { get; set; } = 5;

    /// <summary>How long the office's request to close early waits for an admin before it lapses. Default one day.</summary>
    public TimeSpan CloseRequestLifetime { get; set; } = TimeSpan.FromDays(1);
}
