using System.Text.Json;

namespace RecruiterBot.Cards.Slack;

public static partial class SlackLimits
{
    // More buttons than this take the full rewrite, which keeps the check of unique ids on the stack.
    private const int MaxCheckedActionIds = 64;

    /// <summary>Whether <see cref="Rewrite"/> would give the message back byte for byte, told in one forward read
    /// without parsing it into a document: every text already escaped and short enough, nothing to drop, no more
    /// blocks, fields or elements than Slack takes, every button with its own action id. A shape this read does not
    /// follow (a block or button whose "type" is not first, a repeated property) answers false: a false "no" only costs
    /// the rewrite. Like <see cref="BoundJson.Copy(JsonElement, Utf8JsonWriter)"/>, it relies on the message being
    /// written with the default encoder, so that a text written again is the same bytes.</summary>
    internal static bool IsAlreadySafe(ReadOnlySpan<byte> message)
    {
        Span<Range> actionIds = stackalloc Range[MaxCheckedActionIds];
        return new AlreadySafeReader(message, actionIds).IsSafe();
    }

    /// <summary>The reader behind <see cref="IsAlreadySafe"/>, mirroring <see cref="Rewrite"/> rule by rule. Any
    /// method answering false may leave the reader anywhere: the answer is then false for the whole message.</summary>
    private ref struct AlreadySafeReader
    {
        private readonly ReadOnlySpan<byte> _message;
        private readonly Span<Range> _actionIds;
        private Utf8JsonReader _reader;
        private int _actionIdCount;

        public AlreadySafeReader(ReadOnlySpan<byte> message, Span<Range> actionIds)
        {
            _message = message;
            _actionIds = actionIds;
            _reader = new Utf8JsonReader(message);
        }

        private enum BlockKind { Header, Section, Context, Actions, Other }

        public bool IsSafe()
        {
            // Exactly "text" then "blocks", the two properties Rewrite writes, in its order.
            if (Next() != JsonTokenType.StartObject) return false;
            if (!NextIsProperty("text"u8) || Next() != JsonTokenType.String || !IsSafeText(MaxFallbackText, isMarkdown: true)) return false;
            if (!NextIsProperty("blocks"u8) || Next() != JsonTokenType.StartArray) return false;
            for (var count = 0; Next() != JsonTokenType.EndArray; count++)
                if (count == MaxBlocks || _reader.TokenType != JsonTokenType.StartObject || !IsSafeBlock()) return false;
            return Next() == JsonTokenType.EndObject && !_reader.Read();
        }

        // A block kept as it is, its "type" read first.
        private bool IsSafeBlock()
        {
            if (!NextIsProperty("type"u8) || Next() != JsonTokenType.String) return false;
            var kind = _reader.ValueTextEquals("header"u8) ? BlockKind.Header
                : _reader.ValueTextEquals("section"u8) ? BlockKind.Section
                : _reader.ValueTextEquals("context"u8) ? BlockKind.Context
                : _reader.ValueTextEquals("actions"u8) ? BlockKind.Actions
                : BlockKind.Other;
            bool hasText = false, hasFields = false, sawFields = false, hasAccessory = false, hasElements = false;
            while (Next() == JsonTokenType.PropertyName)
            {
                if (_reader.ValueTextEquals("type"u8)) return false;
                if (kind is BlockKind.Header or BlockKind.Section && _reader.ValueTextEquals("text"u8))
                {
                    if (hasText || Next() != JsonTokenType.StartObject) return false;
                    if (!IsSafeTextObject(kind == BlockKind.Header ? MaxHeaderText : MaxSectionText)) return false;
                    hasText = true;
                }
                else if (kind == BlockKind.Section && _reader.ValueTextEquals("fields"u8))
                {
                    if (sawFields) return false;
                    sawFields = hasFields = true;
                    // Fields that are not a list are copied as they are, and keep the section unless null.
                    if (Next() == JsonTokenType.StartArray) { if (!AreSafeTextObjects(MaxFieldText, MaxFields)) return false; }
                    else if (_reader.TokenType == JsonTokenType.Null) hasFields = false;
                    else _reader.Skip();
                }
                else if (kind == BlockKind.Section && _reader.ValueTextEquals("accessory"u8))
                {
                    if (hasAccessory) return false;
                    hasAccessory = true;
                    if (Next() == JsonTokenType.StartObject) { if (!IsSafeElement()) return false; }
                    else _reader.Skip();
                }
                else if (kind is BlockKind.Context or BlockKind.Actions && _reader.ValueTextEquals("elements"u8))
                {
                    if (hasElements || Next() != JsonTokenType.StartArray) return false;
                    if (!(kind == BlockKind.Context ? AreSafeTextObjects(MaxSectionText, MaxContextElements) : AreSafeElements())) return false;
                    hasElements = true;
                }
                else _reader.Skip();
            }
            return kind switch
            {
                BlockKind.Header => hasText,
                BlockKind.Section => hasText || hasFields,
                BlockKind.Context or BlockKind.Actions => hasElements,
                _ => true,
            };
        }

        // A list of text objects, none dropped, at most max of them: fields, or a context's elements.
        private bool AreSafeTextObjects(int textMax, int max)
        {
            var count = 0;
            for (; Next() != JsonTokenType.EndArray; count++)
                if (count == max || _reader.TokenType != JsonTokenType.StartObject || !IsSafeTextObject(textMax)) return false;
            return count > 0;
        }

        private bool AreSafeElements()
        {
            var count = 0;
            for (; Next() != JsonTokenType.EndArray; count++)
                if (count == MaxActionElements || _reader.TokenType != JsonTokenType.StartObject || !IsSafeElement()) return false;
            return count > 0;
        }

        // A text object with text that is not blank and that escaping (mrkdwn) and cutting leave as it is; its "type"
        // may come before or after the text.
        private bool IsSafeText(int max, bool isMarkdown) => !IsBlank() && IsUnchanged(_reader.ValueSpan, max, isMarkdown);

        private bool IsSafeTextObject(int max)
        {
            ReadOnlySpan<byte> text = default;
            bool hasText = false, hasType = false, isMarkdown = false;
            while (Next() == JsonTokenType.PropertyName)
            {
                if (_reader.ValueTextEquals("text"u8))
                {
                    if (hasText || Next() != JsonTokenType.String || IsBlank()) return false;
                    text = _reader.ValueSpan;
                    hasText = true;
                }
                else if (_reader.ValueTextEquals("type"u8))
                {
                    if (hasType) return false;
                    hasType = true;
                    var type = Next();
                    if (type == JsonTokenType.String) isMarkdown = _reader.ValueTextEquals("mrkdwn"u8);
                    else if (type != JsonTokenType.Null) return false;
                }
                else _reader.Skip();
            }
            return hasText && IsUnchanged(text, max, isMarkdown);
        }

        // An element kept as it is: anything but a button, or a button with safe text and an action id of its own
        // that writing it again leaves as it is. Its "type" comes first.
        private bool IsSafeElement()
        {
            if (!NextIsProperty("type"u8) || Next() != JsonTokenType.String) return false;
            if (!_reader.ValueTextEquals("button"u8))
            {
                while (Next() == JsonTokenType.PropertyName)
                {
                    if (_reader.ValueTextEquals("type"u8)) return false;
                    _reader.Skip();
                }
                return true;
            }
            bool hasText = false, hasActionId = false;
            while (Next() == JsonTokenType.PropertyName)
            {
                if (_reader.ValueTextEquals("type"u8)) return false;
                if (_reader.ValueTextEquals("text"u8))
                {
                    if (hasText || Next() != JsonTokenType.StartObject || !IsSafeTextObject(MaxButtonText)) return false;
                    hasText = true;
                }
                else if (_reader.ValueTextEquals("action_id"u8))
                {
                    if (hasActionId || Next() != JsonTokenType.String || !IsNewActionId()) return false;
                    hasActionId = true;
                }
                else _reader.Skip();
            }
            return hasText && hasActionId;
        }

        // An id Rewrite keeps: not empty, not cut, written the same again (characters no encoder escapes) and not taken.
        private bool IsNewActionId()
        {
            var id = _reader.ValueSpan;
            if (id.IsEmpty || id.Length > MaxActionId - 4 || _actionIdCount == _actionIds.Length) return false;
            foreach (var b in id)
                if (!(char.IsAsciiLetterOrDigit((char)b) || b is (byte)':' or (byte)'-' or (byte)'_' or (byte)'.')) return false;
            foreach (var taken in _actionIds[.._actionIdCount])
                if (_message[taken].SequenceEqual(id)) return false;
            var start = (int)_reader.TokenStartIndex + 1;
            _actionIds[_actionIdCount++] = start..(start + id.Length);
            return true;
        }

        // string.IsNullOrWhiteSpace of the current string: not blank as soon as it has a printable ASCII character
        // outside an escape; otherwise read as a string to tell.
        private bool IsBlank()
        {
            var raw = _reader.ValueSpan;
            for (var i = 0; i < raw.Length; i++)
            {
                var b = raw[i];
                if (b == '\\') i += raw[i + 1] == 'u' ? 5 : 1;
                else if (b is > (byte)' ' and < 0x7F) return false;
            }
            return string.IsNullOrWhiteSpace(_reader.GetString());
        }

        private JsonTokenType Next() => _reader.Read() ? _reader.TokenType : JsonTokenType.None;

        private bool NextIsProperty(ReadOnlySpan<byte> name) => Next() == JsonTokenType.PropertyName && _reader.ValueTextEquals(name);
    }
}
