package org.flyte.common.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
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

  @Test
  void spellsEveryCharacterAsGsonWithoutHtmlEscaping() throws IOException {
    for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
      String alone = String.valueOf((char) c);
      String between = "a" + (char) c + "b";
      assertThat(new CompactJsonWriter().value(alone).toString())
          .as("U+%04X", c)
          .isEqualTo(gson(alone));
      assertThat(new CompactJsonWriter().value(between).toString())
          .as("U+%04X between letters", c)
          .isEqualTo(gson(between));
    }
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
