using Jiaowang.Core.Plans;

namespace Jiaowang.Core.Tests.Plans;

public sealed class UnitGroupsTests
{
    const int Commerce = 1, AllDistricts = 10, Relevant = 11, Jiang_an = 21, Jianghan = 22, Qiaokou = 23;

    static GroupBook Book(Dictionary<(int, int), IReadOnlyList<int>>? chosen = null, IReadOnlyList<int>? members = null) => new(
        new Dictionary<int, UnitKind> { [AllDistricts] = UnitKind.Group, [Relevant] = UnitKind.ChosenGroup },
        new Dictionary<int, IReadOnlyList<int>> { [AllDistricts] = members ?? [Jiang_an, Jianghan, Qiaokou] },
        chosen ?? []);

    [Fact]
    public void Every_member_of_a_full_group_owes_the_task_for_the_group_and_the_group_itself_owes_nothing()
    {
        var owing = UnitGroups.Expand([new(8, Commerce, AssignmentRole.Lead), new(8, AllDistricts, AssignmentRole.Co)], Book());

        Assert.Equal([(Commerce, (int?)null), (Jiang_an, AllDistricts), (Jianghan, AllDistricts), (Qiaokou, AllDistricts)],
            owing.Select(o => (o.UnitId, o.GroupId)));
        Assert.All(owing.Where(o => o.GroupId is not null), o => Assert.Equal(AssignmentRole.Co, o.Role));
    }

    [Fact]
    public void A_relevant_group_owes_through_the_members_named_for_that_task_only()
    {
        var book = Book(new() { [(3, Relevant)] = [Jianghan] });

        var owing = UnitGroups.Expand([new(3, Relevant, AssignmentRole.Co), new(4, Relevant, AssignmentRole.Co)], book);

        Assert.Equal([(3, Jianghan, (int?)Relevant), (4, Relevant, null)], owing.Select(o => (o.TaskId, o.UnitId, o.GroupId)));
    }

    [Fact]
    public void A_group_without_members_still_owes_for_itself_so_the_gap_shows()
    {
        var owing = UnitGroups.Expand([new(8, AllDistricts, AssignmentRole.Co)], Book(members: []));

        Assert.Equal([(AllDistricts, (int?)null)], owing.Select(o => (o.UnitId, o.GroupId)));
    }

    [Fact]
    public void A_district_named_itself_and_through_its_group_owes_once_in_its_own_role()
    {
        var owing = UnitGroups.Expand([new(8, AllDistricts, AssignmentRole.Co), new(8, Jianghan, AssignmentRole.Lead)], Book());

        var jianghan = Assert.Single(owing, o => o.UnitId == Jianghan);
        Assert.Equal((AssignmentRole.Lead, (int?)null), (jianghan.Role, jianghan.GroupId));
        Assert.Equal(3, owing.Count);
    }

    [Theory]
    [InlineData("各区人民政府", UnitKind.Group)]
    [InlineData("各相关区人民政府", UnitKind.ChosenGroup)]
    [InlineData("市商务局", UnitKind.Body)]
    public void The_two_municipal_group_names_are_groups_when_a_plan_first_names_them(string name, UnitKind kind) =>
        Assert.Equal(kind, UnitGroups.KindOf(name));
}
