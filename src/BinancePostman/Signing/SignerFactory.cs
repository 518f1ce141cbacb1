using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;

namespace BinancePostman.Signing
{
    /// <summary>
    /// Makes the signer the key material calls for: PEM text is an RSA or Ed25519 private key (PKCS#1, PKCS#8,
    /// or encrypted PKCS#8 with a passphrase); anything else is an HMAC secret.
    /// </summary>
    public static class SignerFactory
    {
        public static IRequestSigner Create(string material, string? passphrase)
        {
            string text = (material ?? "").Trim();
            if (text.Length == 0)
                throw new KeyMaterialException(KeyMaterialReason.EmptySecret, "The API secret is empty. Give the secret Binance showed when the key was created, or a PEM private key.");
            if (text.IndexOf("-----BEGIN", StringComparison.Ordinal) >= 0)
                return FromPem(text, passphrase);
            return new HmacSigner(Encoding.UTF8.GetBytes(text));
        }

        private static IRequestSigner FromPem(string pem, string? passphrase)
        {
            if (pem.IndexOf("PUBLIC KEY-----", StringComparison.Ordinal) >= 0 && pem.IndexOf("PRIVATE KEY-----", StringComparison.Ordinal) < 0)
                throw new KeyMaterialException(KeyMaterialReason.PublicKeyGiven, "This is a public key. Binance keeps the public key; the module needs the private key that goes with it.");
            bool encrypted = pem.IndexOf("ENCRYPTED", StringComparison.Ordinal) >= 0;
            if (encrypted && string.IsNullOrEmpty(passphrase))
                throw new KeyMaterialException(KeyMaterialReason.PassphraseRequired, "The private key is encrypted and no passphrase was given.");

            object? parsed;
            try
            {
                using var reader = new StringReader(pem);
                parsed = new PemReader(reader, new Passphrase(passphrase)).ReadObject();
            }
            catch (Exception ex) when (encrypted && (ex is InvalidCipherTextException || ex is PemException || ex is Org.BouncyCastle.OpenSsl.PasswordException || ex is InvalidKeyException || ex is ArgumentException || ex is IOException))
            {
                throw new KeyMaterialException(KeyMaterialReason.WrongPassphrase, "The private key could not be decrypted: the passphrase is wrong.");
            }
            catch (Exception ex) when (ex is PemException || ex is IOException || ex is ArgumentException || ex is InvalidOperationException || ex is FormatException)
            {
                throw new KeyMaterialException(KeyMaterialReason.Unreadable, "The PEM text could not be read as a private key. Check it is whole, from '-----BEGIN' to '-----END', with its line breaks.");
            }

            AsymmetricKeyParameter? key = parsed switch
            {
                AsymmetricCipherKeyPair pair => pair.Private,
                AsymmetricKeyParameter single => single,
                _ => null,
            };
            if (key == null)
                throw new KeyMaterialException(KeyMaterialReason.Unreadable, "The PEM text holds no private key. Give the RSA or Ed25519 private key registered with Binance.");
            if (!key.IsPrivate)
                throw new KeyMaterialException(KeyMaterialReason.PublicKeyGiven, "This is a public key. Binance keeps the public key; the module needs the private key that goes with it.");

            switch (key)
            {
                case RsaPrivateCrtKeyParameters rsa:
                    return new RsaSigner(ToRsaParameters(rsa));
                case Ed25519PrivateKeyParameters ed:
                    return new Ed25519RequestSigner(ed);
                default:
                    throw new KeyMaterialException(KeyMaterialReason.UnsupportedKeyType, "Binance accepts HMAC, RSA and Ed25519 keys; this private key is of another type (" + key.GetType().Name.Replace("PrivateKeyParameters", "") + ").");
            }
        }

        private static RSAParameters ToRsaParameters(RsaPrivateCrtKeyParameters k)
        {
            byte[] modulus = k.Modulus.ToByteArrayUnsigned();
            int half = (modulus.Length + 1) / 2;
            return new RSAParameters
            {
                Modulus = modulus,
                Exponent = k.PublicExponent.ToByteArrayUnsigned(),
                D = Pad(k.Exponent.ToByteArrayUnsigned(), modulus.Length),
                P = Pad(k.P.ToByteArrayUnsigned(), half),
                Q = Pad(k.Q.ToByteArrayUnsigned(), half),
                DP = Pad(k.DP.ToByteArrayUnsigned(), half),
                DQ = Pad(k.DQ.ToByteArrayUnsigned(), half),
                InverseQ = Pad(k.QInv.ToByteArrayUnsigned(), half),
            };
        }

        // .NET wants D as long as the modulus and the CRT parts half as long, zero-padded on the left
        private static byte[] Pad(byte[] value, int length)
        {
            if (value.Length >= length) return value;
            var padded = new byte[length];
            Buffer.BlockCopy(value, 0, padded, length - value.Length, value.Length);
            return padded;
        }

        private sealed class Passphrase : IPasswordFinder
        {
            private readonly string? _text;

            public Passphrase(string? text) => _text = text;

            public char[] GetPassword() => (_text ?? "").ToCharArray();
        }
    }
}
