using DirectiveHub.Import;

namespace DirectiveHub.Tests.Import;

/// <summary>
/// Property tests: whatever the input (random characters, or the samples cut, shuffled and mangled), the parser
/// returns a result without throwing. They call the parser without its safety net, so an exception fails them.
/// </summary>
public sealed class ParserRobustnessTests
{
    private const string Alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ0123456789 .,;:/-–()*\"'“”|\n\n\n\t";

    private static readonly string[] Fragments =
    [
        "Số ", "Số: ", "-CV/", "/HU", "ngày ", " tháng ", " năm ", "Kính gửi:", "Nơi nhận:", "T/M ", "K/T ", "SAO LỤC", "V/v ", "Về ",
        "ĐẢNG CỘNG SẢN VIỆT NAM", "*", "1. ", "(1) ", "- ", "trước ngày 04/9", "Chỉ thị số 06-CT/TU", "số 1102/CĐ-TTg", "HỎA TỐC", "I. ",
        "\n", "\n\n", "**", "29/2/2023", "ngày 31 tháng 2 năm 2021", "Số 99999999999-CV/HU", "số 0/0/-",
    ];

    [Fact]
    public void Random_text_never_makes_the_parser_throw()
    {
        var random = new Random(20261122);
        for (var i = 0; i < 1500; i++)
        {
            var length = random.Next(0, 400);
            var chars = new char[length];
            for (var c = 0; c < length; c++)
            {
                chars[c] = Alphabet[random.Next(Alphabet.Length)];
            }

            AssertParses(new string(chars));
        }
    }

    [Fact]
    public void Random_sequences_of_directive_fragments_never_make_the_parser_throw()
    {
        var random = new Random(7);
        for (var i = 0; i < 1500; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 60)).Select(_ => Fragments[random.Next(Fragments.Length)] + (random.Next(3) == 0 ? Alphabet[random.Next(Alphabet.Length)] : "")));
            AssertParses(text);
        }
    }

    [Fact]
    public void Mutated_samples_never_make_the_parser_throw()
    {
        var random = new Random(42);
        var texts = ImportTexts.Samples.Concat(["ha-dong-sao-luc", "ke-hoach-roman-sections", "chi-thi-06-CT-TU"]).Select(ImportTexts.Read).ToList();
        for (var i = 0; i < 600; i++)
        {
            var lines = texts[random.Next(texts.Count)].Split('\n').ToList();
            for (var m = random.Next(1, 12); m > 0 && lines.Count > 0; m--)
            {
                var at = random.Next(lines.Count);
                switch (random.Next(6))
                {
                    case 0:
                        lines.RemoveAt(at);
                        break;
                    case 1:
                        lines.Insert(random.Next(lines.Count), lines[at]);
                        break;
                    case 2:
                        (lines[at], lines[^1]) = (lines[^1], lines[at]);
                        break;
                    case 3:
                        lines[at] = lines[at].Length > 1 ? lines[at][..random.Next(lines[at].Length)] : lines[at];
                        break;
                    case 4:
                        lines[at] = Fragments[random.Next(Fragments.Length)] + lines[at];
                        break;
                    default:
                        lines[at] = lines[at].Normalize(System.Text.NormalizationForm.FormD);
                        break;
                }
            }

            AssertParses(string.Join('\n', lines));
        }
    }

    private static void AssertParses(string text)
    {
        var result = DirectiveTextParser.ParseUnguarded(text);
        Assert.NotNull(result.Warnings);
        Assert.All(result.Tasks, t => Assert.False(string.IsNullOrEmpty(t.Label)));
        if (result.Number is not null)
        {
            Assert.Contains("/", result.Number, StringComparison.Ordinal);
        }
    }
}
