package org.flyte.common.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CompactJsonWriterTest {

  /** What Gson's JsonWriter, HTML escaping off, writes for {@code string}. */
  private static String gson(String string) throws IOException {
    StringWriter text = new StringWriter();
    JsonWriter out = new JsonWriter(text);
    out.setHtmlSafe(false);
    out.value(string);
    out.flush();
    return text.toString();
  }

  /** Gson's text encoded as {@code String.getBytes(UTF_8)} encodes it. */
  private static byte[] gsonUtf8(String string) throws IOException {
    return gson(string).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void spellsEveryCharacterAsGsonWithoutHtmlEscapingInUtf8() throws IOException {
    for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
      String alone = String.valueOf((char) c);
      String between = "a" + (char) c + "b";
      assertThat(new CompactJsonWriter().value(alone).toByteArray())
          .as("U+%04X", c)
          .isEqualTo(gsonUtf8(alone));
      assertThat(new CompactJsonWriter().value(between).toByteArray())
          .as("U+%04X between letters", c)
          .isEqualTo(gsonUtf8(between));
    }
    for (String pair : new String[] {"😀", "x\uD83D\uDE00y", "\uDBFF\uDFFF"}) {
      assertThat(new CompactJsonWriter().value(pair).toByteArray()).isEqualTo(gsonUtf8(pair));
    }
  }

  @Test
  void writesUtf8BytesAsTheStringTheyDecodeTo() throws IOException {
    for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c += 7) {
      String text = "id-" + (char) c + "-" + (char) (c / 2);
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      byte[] framed = new byte[utf8.length + 4];
      System.arraycopy(utf8, 0, framed, 2, utf8.length);
      assertThat(new CompactJsonWriter().utf8Value(framed, 2, utf8.length).toByteArray())
          .as("U+%04X", c)
          .isEqualTo(gsonUtf8(text));
    }
    byte[] malformed = {'a', (byte) 0xC3, 'b'};
    assertThat(new CompactJsonWriter().utf8Value(malformed, 0, 3).toString())
        .isEqualTo("\"a\uFFFDb\"");
  }

  @Test
  void quotesNamesOnceAndSeparatesMembersAndItems() {
    String text =
        new CompactJsonWriter()
            .beginObject()
            .name(CompactJsonWriter.quoted("a\"b"))
            .beginArray()
            .value(true)
            .nullValue()
            .jsonValue("1.5")
            .beginObject()
            .endObject()
            .beginArray()
            .endArray()
            .endArray()
            .plainName("k\n")
            .value("v")
            .endObject()
            .toString();
    assertThat(text).isEqualTo("{\"a\\\"b\":[true,null,1.5,{},[]],\"k\\n\":\"v\"}");
  }

  @Test
  void writesAParsedTreeWithItsOwnSpelling() {
    String json = "{\"x\":[1,2.50,\"<\\u2028>\",null,{\"y\":false}],\"z\":{}}";
    assertThat(new CompactJsonWriter().element(JsonParser.parseString(json)).toString())
        .isEqualTo("{\"x\":[1,2.50,\"<\\u2028>\",null,{\"y\":false}],\"z\":{}}");
  }
}
