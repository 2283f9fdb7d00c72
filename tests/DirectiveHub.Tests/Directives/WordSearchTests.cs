using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Data;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Text;

namespace DirectiveHub.Tests.Directives;

/// <summary>Search by words, punctuation ignored, the same on both providers.</summary>
public sealed class WordSearchTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void The_search_form_keeps_the_folded_words_between_single_spaces()
    {
        Assert.Equal(" v v tang cuong cong tac phong chong dich covid 19 ", VietnameseText.SearchForm("V/v tăng cường công tác phòng, chống dịch (Covid-19)…"));
        Assert.Equal(" 114 cv hu ", VietnameseText.SearchForm("114-CV/HU"));
        Assert.Equal(string.Empty, VietnameseText.SearchForm(" ,.- "));
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Words_in_any_order_with_the_last_as_a_prefix_find_the_samples_and_an_exact_number_comes_first(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new DirectiveHubFactory(provider, database.ConnectionString);
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);

        async Task<List<string?>> NumbersAsync(string q)
        {
            var page = await admin.GetFromJsonAsync<JsonElement>($"/api/directives?q={Uri.EscapeDataString(q)}", Cancel);
            return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()).ToList();
        }

        string[] samples = ["114-CV/HU", "213-CV/HU", "22-CV/BDVHU"];
        foreach (var q in new[] { "phong chong dich", "dich, chong phong", "Phòng chống dịch", "phong chong di", "cong tac phong chong dich cov" })
        {
            var found = await NumbersAsync(q);
            Assert.All(samples, s => Assert.Contains(s, found));
        }

        // Every word but the last is a whole word; a word that is nowhere finds nothing.
        Assert.Empty(await NumbersAsync("phon chong dich"));
        Assert.Empty(await NumbersAsync("phong chong dich khongcotu"));

        // The directive with that number first, before those that cite it or share its digits.
        Assert.Equal("114-CV/HU", (await NumbersAsync("114-cv/hu"))[0]);
        Assert.Equal("114-CV/HU", (await NumbersAsync("Số 114-CV/HU"))[0]);
        Assert.Equal("22-CV/BDVHU", (await NumbersAsync("22"))[0]);
    }
}

/// <summary>A throwaway database of either provider (PostgreSQL from the test server, SQLite in a temp file).</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly PostgresDatabase? _postgres;
    private readonly string? _file;

    private TestDatabase(PostgresDatabase? postgres, string? file)
    {
        _postgres = postgres;
        _file = file;
    }

    public string ConnectionString => _postgres?.ConnectionString ?? $"Data Source={_file}";

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            TestEnvironment.RequirePostgres();
            return new TestDatabase(await PostgresDatabase.CreateAsync(), null);
        }

        return new TestDatabase(null, Path.Combine(Path.GetTempPath(), $"dh-search-{Guid.NewGuid():N}.db"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (_file is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(_file);
        }
    }
}
