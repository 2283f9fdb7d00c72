using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchTextWords : Migration
    {
        private const string Words = "replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(\"SearchText\", char(10), ' '), char(13), ' '), char(9), ' '), ',', ' '), '.', ' '), ';', ' '), ':', ' '), '!', ' '), '?', ' '), '(', ' '), ')', ' '), '[', ' '), ']', ' '), '{', ' '), '}', ' '), '\"', ' '), '''', ' '), '/', ' '), '\\', ' '), '-', ' '), '–', ' '), '—', ' '), '…', ' '), '“', ' '), '”', ' '), '‘', ' '), '’', ' '), '«', ' '), '»', ' '), '%', ' '), '&', ' '), '*', ' '), '+', ' '), '=', ' '), '<', ' '), '>', ' '), '|', ' '), '_', ' '), '#', ' '), '@', ' '), '~', ' '), '`', ' '), '^', ' '), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' ')";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written (the tools cannot express a data change): the stored search text becomes the folded words
            // between single spaces (VietnameseText.SearchForm), so search matches words whatever the punctuation.
            // SQLite has no regular expressions: the punctuation of Vietnamese documents is replaced one mark at a time;
            // a directive saved again gets the exact form from the app.
            migrationBuilder.Sql("""
                UPDATE "Directives" SET "SearchText" = CASE
                    WHEN trim(X) = '' THEN ''
                    ELSE ' ' || trim(X) || ' ' END;
                """.Replace("X", Words, StringComparison.Ordinal));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the word form is still folded text, and the older substring search finds in it what it found before.
        }
    }
}
