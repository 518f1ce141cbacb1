using BinancePostman.CollectionGenerator.Source;

namespace BinancePostman.CollectionGenerator.Output
{
    /// <summary>A Postman environment with the seed's five variables.</summary>
    public static class EnvironmentJsonWriter
    {
        public static string Write(EnvironmentSource environment) => JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("id", NameBasedGuid.Create("environment:" + environment.Name).ToString());
            json.WriteString("name", environment.Name);
            json.WriteStartArray("values");
            Variable("url", environment.Url);
            Variable("binance-api-key", "api-key");
            Variable("binance-api-secret", "api-secret");
            Variable("timestamp", "");
            Variable("signature", "");
            json.WriteEndArray();
            json.WriteString("_postman_variable_scope", "environment");
            json.WriteEndObject();

            void Variable(string key, string value)
            {
                json.WriteStartObject();
                json.WriteString("key", key);
                json.WriteString("value", value);
                json.WriteBoolean("enabled", true);
                json.WriteEndObject();
            }
        });
    }
}
