using XWebhooks.Sqlite;

namespace XWebhooks.Inbox.Tests;

public sealed class SqliteAbsentKeysTests
{
    [Fact]
    public void A_read_that_found_nothing_is_kept()
    {
        var absent = new SqliteAbsentKeys();
        var token = absent.ReadStarting("xaa:1");
        Assert.False(absent.Contains("xaa:1"));

        absent.ReadFoundNothing("xaa:1", token);

        Assert.True(absent.Contains("xaa:1"));
    }

    [Fact]
    public void A_mark_during_the_read_voids_its_answer()
    {
        var absent = new SqliteAbsentKeys();
        var token = absent.ReadStarting("xaa:1");

        absent.Forget("xaa:1"); // marked (or its mark left memory) while the read ran
        absent.ReadFoundNothing("xaa:1", token);

        Assert.False(absent.Contains("xaa:1"));
        Assert.Equal(0, absent.Count);
    }

    [Fact]
    public void Of_two_reads_at_once_only_the_last_registered_one_is_kept()
    {
        var absent = new SqliteAbsentKeys();
        var first = absent.ReadStarting("xaa:1");
        var second = absent.ReadStarting("xaa:1");

        absent.ReadFoundNothing("xaa:1", first);
        Assert.False(absent.Contains("xaa:1"));

        absent.ReadFoundNothing("xaa:1", second);
        Assert.True(absent.Contains("xaa:1"));
    }

    [Fact]
    public void A_read_that_found_a_mark_leaves_nothing_behind()
    {
        var absent = new SqliteAbsentKeys();
        var token = absent.ReadStarting("xaa:1");

        absent.ReadFoundMark("xaa:1", token);

        Assert.Equal(0, absent.Count);
    }

    [Fact]
    public void A_mark_forgets_a_kept_key()
    {
        var absent = new SqliteAbsentKeys();
        absent.ReadFoundNothing("xaa:1", absent.ReadStarting("xaa:1"));

        absent.Forget("xaa:1");

        Assert.False(absent.Contains("xaa:1"));
    }

    [Fact]
    public void The_oldest_keys_go_beyond_the_capacity()
    {
        var absent = new SqliteAbsentKeys();
        for (var i = 0; i < SqliteAbsentKeys.Capacity + 10; i++)
        {
            absent.ReadFoundNothing($"xaa:{i}", absent.ReadStarting($"xaa:{i}"));
        }

        Assert.Equal(SqliteAbsentKeys.Capacity, absent.Count);
        Assert.False(absent.Contains("xaa:0"));
        Assert.False(absent.Contains("xaa:9"));
        Assert.True(absent.Contains("xaa:10"));
        Assert.True(absent.Contains($"xaa:{SqliteAbsentKeys.Capacity + 9}"));
    }
}
