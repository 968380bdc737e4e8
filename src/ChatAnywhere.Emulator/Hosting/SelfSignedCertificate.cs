using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChatAnywhere.Emulator.Hosting
{
    /// <summary>A throw-away certificate for --https, made at start and never stored or trusted.</summary>
    public static class SelfSignedCertificate
    {
        public static X509Certificate2 Create()
        {
            using RSA key = RSA.Create(2048);
            var request = new CertificateRequest("CN=ChatAnywhere emulator", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
            DateTimeOffset now = DateTimeOffset.UtcNow;
            using X509Certificate2 created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));
            // A round trip through PKCS#12 gives a key Kestrel can use on every platform.
            return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
        }
    }
}
