// BinancePostman pre-request script: signs requests the way Binance checks them.
// Only requests with a `signature` query entry are signed. This script handles HMAC-SHA256 keys;
// the BinancePostman module signs natively with HMAC, RSA and Ed25519 keys and never runs this script.
const query = pm.request.url.query;

if (query.has('signature')) {
    const secret = pm.environment.get('binance-api-secret');
    if (!secret) console.warn('binance-api-secret is not set: the request will be rejected.');

    // encodeURIComponent leaves !'()* as they are; RFC 3986 (and Binance) want them encoded too.
    const encode = (text) => encodeURIComponent(text)
        .replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

    // Enabled, non-empty parameters only: an empty one would be signed but not sent the same way.
    const pairs = [];
    query.each((param) => {
        if (param.disabled || param.key === 'signature' || param.key === 'timestamp') return;
        const value = pm.variables.replaceIn(String(param.value ?? ''));
        if (value.trim() === '') return;
        pairs.push(encode(param.key) + '=' + encode(value));
    });

    const timestamp = String(Date.now());
    pm.environment.set('timestamp', timestamp);
    pairs.push('timestamp=' + timestamp);

    const payload = pairs.join('&');
    const signature = CryptoJS.HmacSHA256(payload, secret || '').toString(CryptoJS.enc.Hex);
    pm.environment.set('signature', signature);

    // Send exactly the bytes that were signed, with the signature last.
    query.clear();
    pairs.concat('signature=' + signature).forEach((pair) => {
        const cut = pair.indexOf('=');
        query.add({ key: pair.slice(0, cut), value: pair.slice(cut + 1) });
    });
}
