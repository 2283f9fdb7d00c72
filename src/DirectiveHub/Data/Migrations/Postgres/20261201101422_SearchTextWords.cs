using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchTextWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written (the tools cannot express a data change): the stored search text becomes the folded words
            // between single spaces (VietnameseText.SearchForm), so search matches words whatever the punctuation.
            migrationBuilder.Sql("""
                UPDATE "Directives" SET "SearchText" = CASE
                    WHEN btrim(regexp_replace("SearchText", '[^[:alnum:]]+', ' ', 'g')) = '' THEN ''
                    ELSE ' ' || btrim(regexp_replace("SearchText", '[^[:alnum:]]+', ' ', 'g')) || ' ' END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the word form is still folded text, and the older substring search finds in it what it found before.
        }
    }
}
