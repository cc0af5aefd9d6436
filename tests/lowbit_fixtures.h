#pragma once
// Expected digests for test_quant_lowbit: sha256 of what llama.cpp v0.5.0's ggml_quantize_chunk writes
// for each low-bit type on the inputs of lowBitTestCase() (4 rows x 512 columns), and of its
// dequantization of those bytes back to float32 (little-endian). Derived once with a throwaway program
// against libggml; regenerate the same way if the inputs change.
#include <string_view>

#include "qf/ggml_type.h"

namespace qf::test {

// Deterministic hostile inputs: kind 0 plain, 1 all zero, 2 zero and tiny groups, 3 few distinct values
// (many ties), 4 huge spikes, 5 constant super-blocks, 6 odd sign counts. weights: the importance row
// (the first 512 of n), zero every 61st. The same integer generator and float steps as the C program.
inline uint64_t lowBitLcgNext(uint64_t& s) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return s >> 40;
}
inline float lowBitUniform(uint64_t& s) {
    return float(lowBitLcgNext(s)) * (1.0f / 16777216.0f);
}
inline void lowBitTestCase(int kind, float* x, float* w, int n) {
    uint64_t s = 12345u + uint64_t(kind) * 7919u;
    for (int i = 0; i < n; ++i) {
        const float a = lowBitUniform(s), b = lowBitUniform(s), c = lowBitUniform(s), d = lowBitUniform(s);
        const float g = a + b + c + d - 2.0f;
        float v = g * 0.05f;
        switch (kind) {
        case 1:
            v = 0.0f;
            break;
        case 2:
            if ((i / 32) % 3 == 1 || (i / 16) % 7 == 3)
                v = 0.0f;
            else if ((i / 32) % 5 == 2)
                v *= 1e-9f;
            break;
        case 3:
            v = float(int(g * 3.0f)) * 0.25f;
            break;
        case 4:
            if (i % 97 == 5) v = i % 2 ? 3e3f : -2e4f;
            break;
        case 5:
            v = (i / 256) % 2 ? 0.5f : -0.25f;
            break;
        case 6:
            v = (i % 8 == 0) ? -v : (v < 0 ? -v : v);
            break;
        default:
            break;
        }
        x[i] = v;
        const float u = lowBitUniform(s);
        w[i] = (i % 61 == 7) ? 0.0f : u * u * 4.0f + 1e-3f;
    }
}

struct LowBitExpected {
    GgmlType type;
    int kind;
    bool withImportance;
    std::string_view quantSha256;
    std::string_view floatSha256;
};

inline constexpr LowBitExpected kLowBitExpected[] = {
    {GgmlType::IQ2_XXS, 0, true, "e17df1e0514ffa065b0351b6603c9570204e744e32cd3a01f4f7719e9b30254c",
     "1d666cc5f68e6e63eac40bc44600c016e545d242ec71f609286adab1bd99188d"},
    {GgmlType::IQ2_XS, 0, true, "94746d247f268d64c8824999a59ebb795432a203654136f569fa9ab9224e3718",
     "a29fa43fda6caa24e20bbc03f34be86d9dcc187bedb4775f7ae4c15477ff0981"},
    {GgmlType::IQ2_S, 0, false, "0459fa8c9df7df6fa83cd694f4d1d26be41941dcedd303025c27500fe6a68788",
     "56b8aae23747b646e3632d5f121d4656bfb723782e1e3b53961ea57cf893eb6e"},
    {GgmlType::IQ2_S, 0, true, "d491c705bcb9c545eebd8f43fa96af716372391a0848be9ad7e4ece6f65cb6f2",
     "c95eb50cd17e1c92c7efe246007f39af9e3ed0b8dc7b5c3c14af485ae14245f5"},
    {GgmlType::IQ3_XXS, 0, false, "8e326e95dd7bd23c03b529be0c6e2e81e42c42ab1ee1bbd6dd2704240fbe3405",
     "fe6f7e2e1d43ad8838cca32eed7544e6f08961613c41cdb5f0fc2511675adbe4"},
    {GgmlType::IQ3_XXS, 0, true, "d93835dc25d1bdd7ea64f42b5d94ce96a60cebfbb58f53d2afca8b12e4757395",
     "a0f3651fd266186ac4159f5c700bd7fd684b86d60832e469152ab4485bb6c94f"},
    {GgmlType::IQ3_S, 0, false, "81f57b7b45149791ec7816af1f34ed2e66a836a023f7dd33500eb0a47aa43155",
     "43ea391cb3a18b45acd339f54a3dae19aeeee09f1a4bf27d1f9082bec2e6c5f9"},
    {GgmlType::IQ3_S, 0, true, "adede8d4a87906d063b71253e392e7b49095953ceaf4b33a9b6e8388575a04b1",
     "d5b56bebe3bee64560f355e47417d4d3983ff5c4585bf1a493780e0565d166db"},
    {GgmlType::IQ1_S, 0, true, "c740b8ea5008b7588ffa1b1e265a0b256064aa4ba9b001dcc6cc2a202999aae9",
     "3d27d9d95834561a9af92255fc8690247d9088badc7079bb025997c30b2431e7"},
    {GgmlType::IQ1_M, 0, false, "422df771a0575590bbef6d9fb7cb3d141e7478140d07b254c82f78dbdd0feae4",
     "e8246b304ffb6e3abe573ea19cc049a6d6a4988f8b768edc68982f398a6f69d1"},
    {GgmlType::IQ1_M, 0, true, "8292c3d1beefe3deafa37ec847975863f4d0ec57162feb1696439395f387e719",
     "88be619af6417a1680db4cbafb77530e2503718b9a95ef9db544b1906ce046e4"},
    {GgmlType::TQ1_0, 0, false, "95bc4a097bd52b2b3bc8472ed3ad6fdc043328793b8ea2b95a46b41b753c4c3d",
     "c83cf0cd6f89ce85dc835252490765551929ca1d33b49a6e14b40504755a3ae3"},
    {GgmlType::TQ1_0, 0, true, "95bc4a097bd52b2b3bc8472ed3ad6fdc043328793b8ea2b95a46b41b753c4c3d",
     "c83cf0cd6f89ce85dc835252490765551929ca1d33b49a6e14b40504755a3ae3"},
    {GgmlType::TQ2_0, 0, false, "ad79642eab07b88522d4fe0d0fb1091b11a9c90bd77d827387c5a8f6378bea36",
     "c83cf0cd6f89ce85dc835252490765551929ca1d33b49a6e14b40504755a3ae3"},
    {GgmlType::TQ2_0, 0, true, "ad79642eab07b88522d4fe0d0fb1091b11a9c90bd77d827387c5a8f6378bea36",
     "c83cf0cd6f89ce85dc835252490765551929ca1d33b49a6e14b40504755a3ae3"},
    {GgmlType::Q1_0, 0, false, "0d77fd799f87307e49e67e5072522bb0df49587d25da856aa3b723fae42281fb",
     "46235a24240040de454431ed62bad5199387d3ac3b4ddf739625b7b6ebe43017"},
    {GgmlType::Q1_0, 0, true, "0d77fd799f87307e49e67e5072522bb0df49587d25da856aa3b723fae42281fb",
     "46235a24240040de454431ed62bad5199387d3ac3b4ddf739625b7b6ebe43017"},
    {GgmlType::Q2_0, 0, false, "1a1ddccdbb141fb249d98ceac579fba1b85a6b5e6717f2d6259e35d7c243cf48",
     "17555180453c91060a45f59ca4362f188a56147a79e7d3e77dd380a660c877d0"},
    {GgmlType::Q2_0, 0, true, "1a1ddccdbb141fb249d98ceac579fba1b85a6b5e6717f2d6259e35d7c243cf48",
     "17555180453c91060a45f59ca4362f188a56147a79e7d3e77dd380a660c877d0"},
    {GgmlType::IQ2_XXS, 1, true, "8889eb3cdd3d0ac94711b47ce78b430d8e23a7b31ecc994c56d0c3310c87674a",
     "9f1dcbc35c350d6027f98be0f5c8b43b42ca52b7604459c0c42be3aa88913d47"},
    {GgmlType::IQ2_XS, 1, true, "2b73f6b3cd6cd9f97ccbbedc2fa1904331b916b2ace865882f72ddd083c79b04",
     "9f1dcbc35c350d6027f98be0f5c8b43b42ca52b7604459c0c42be3aa88913d47"},
    {GgmlType::IQ2_S, 1, false, "e06e79cdfedfc6d6107b945613e65b2de3a209e40115b9b00ab048d2b91cd7d5",
     "9f1dcbc35c350d6027f98be0f5c8b43b42ca52b7604459c0c42be3aa88913d47"},
    {GgmlType::IQ2_S, 1, true, "e06e79cdfedfc6d6107b945613e65b2de3a209e40115b9b00ab048d2b91cd7d5",
     "9f1dcbc35c350d6027f98be0f5c8b43b42ca52b7604459c0c42be3aa88913d47"},
    {GgmlType::IQ3_XXS, 1, false, "0c37ddc45244523ca3b841e3ea85e147a1d35c6ae1cd767e8c30dabf057516fd",
     "9f1dcbc35c350d6027f98be0f5c8b43b42ca52b7604459c0c42be3aa88913d47"},
    {GgmlType::IQ3_XXS, 1, true, "0c37ddc45244523ca3b841e3ea85e147a1d35c6ae1cd767e8c30dabf057516fd",
     "9f1dcbc35c350d6027f98be0f5c8b43b42ca52b7604459c0c42be3aa88913d47"},
    {GgmlType::IQ3_S, 1, false, "c23a5cc2d7277749c47ddcad301aa92fcbbaeab54e552813333c1306c5cf2425",
     "9f1dcbc35c350d6027f98be0f5c8b43b42ca52b7604459c0c42be3aa88913d47"},
    {GgmlType::IQ3_S, 1, true, "c23a5cc2d7277749c47ddcad301aa92fcbbaeab54e552813333c1306c5cf2425",
     "9f1dcbc35c350d6027f98be0f5c8b43b42ca52b7604459c0c42be3aa88913d47"},
    {GgmlType::IQ1_S, 1, true, "7a12e561363385e9dfeeab326368731c030ed4b374e7f5897ac819159d2884c5",
     "872ac156d51df3d7acc6d4445bc5959917b02c7c544150c124cc87b2761d145c"},
    {GgmlType::IQ1_M, 1, false, "5c55c8f4db4010ba9203d83536d0609856af8c847ac039e37e7dde8fbd574b61",
     "872ac156d51df3d7acc6d4445bc5959917b02c7c544150c124cc87b2761d145c"},
    {GgmlType::IQ1_M, 1, true, "5c55c8f4db4010ba9203d83536d0609856af8c847ac039e37e7dde8fbd574b61",
     "872ac156d51df3d7acc6d4445bc5959917b02c7c544150c124cc87b2761d145c"},
    {GgmlType::TQ1_0, 1, false, "e2ea5a97939388df357bf4788b876ebe23b20463e89bc8f688d678a36eb7698e",
     "9f1dcbc35c350d6027f98be0f5c8b43b42ca52b7604459c0c42be3aa88913d47"},
    {GgmlType::TQ1_0, 1, true, "e2ea5a97939388df357bf4788b876ebe23b20463e89bc8f688d678a36eb7698e",
     "9f1dcbc35c350d6027f98be0f5c8b43b42ca52b7604459c0c42be3aa88913d47"},
    {GgmlType::TQ2_0, 1, false, "cabd024b65d3e524804cebadbfd1bca3e2099ecab73b9ebe1c3528dabd091b07",
     "9f1dcbc35c350d6027f98be0f5c8b43b42ca52b7604459c0c42be3aa88913d47"},
    {GgmlType::TQ2_0, 1, true, "cabd024b65d3e524804cebadbfd1bca3e2099ecab73b9ebe1c3528dabd091b07",
     "9f1dcbc35c350d6027f98be0f5c8b43b42ca52b7604459c0c42be3aa88913d47"},
    {GgmlType::Q1_0, 1, false, "71aa3bf4c09181e254def196bcc4abd829c8c4d007cc9ef21263c9a24b8bcacc",
     "9f1dcbc35c350d6027f98be0f5c8b43b42ca52b7604459c0c42be3aa88913d47"},
    {GgmlType::Q1_0, 1, true, "71aa3bf4c09181e254def196bcc4abd829c8c4d007cc9ef21263c9a24b8bcacc",
     "9f1dcbc35c350d6027f98be0f5c8b43b42ca52b7604459c0c42be3aa88913d47"},
    {GgmlType::Q2_0, 1, false, "19b2f8b9b3b0a570e71be065c5794f10867c5998a08a823ee8e4f213fc9825c5",
     "9f1dcbc35c350d6027f98be0f5c8b43b42ca52b7604459c0c42be3aa88913d47"},
    {GgmlType::Q2_0, 1, true, "19b2f8b9b3b0a570e71be065c5794f10867c5998a08a823ee8e4f213fc9825c5",
     "9f1dcbc35c350d6027f98be0f5c8b43b42ca52b7604459c0c42be3aa88913d47"},
    {GgmlType::IQ2_XXS, 2, true, "5a4cfcf0df0c98b9f5c15c23b13cd5b454f1a6179cbd5450bcf1a3882ad8868a",
     "59050a255adb2759c5ba924a1ee4b906af586e246dd76324a22016a08abb4c95"},
    {GgmlType::IQ2_XS, 2, true, "93e4a7f8f99ed4f93be842d71593d4efd1c9255aff1fc79b5a019c926e5a5624",
     "01bee8d880d3014dc3e0eb9b7ec8c8109c233c5552e179b278d15ba74732d6f2"},
    {GgmlType::IQ2_S, 2, false, "f77678f28ffcbb806b836e28c308d66393c0c42a9e2f0ad0b47ab0cedc6dc741",
     "efbabf365d34ac85f75f334f2098d8d4db4eef9b81cf55e57d76c6811a30e72a"},
    {GgmlType::IQ2_S, 2, true, "6c893890668672a87e36e0f3b6d1b5cfff13c4be4e982019715a876fd1f852b4",
     "94a206a2d176082ab7af0b32527356717461caeb857db83e1eadce614563df98"},
    {GgmlType::IQ3_XXS, 2, false, "1db82392c83344ff4ec020070b24fbd00d3e1743512070c6126a17145a4ab1df",
     "b62a6ad1ceb022289435bc42de551d8e987f1929eec41616a775ef9c02375e65"},
    {GgmlType::IQ3_XXS, 2, true, "d0a2d26077bc019f4148b0a345983d92cb953a41d1df74df7b6ac2ef5db09a31",
     "db6784000f6e796b18badcb6cbda366c38b85561c1d1c5f49f39a2fb59ed6727"},
    {GgmlType::IQ3_S, 2, false, "c7252f7d6482e0796b029b419d0cba447cbac5e532e3242d9371c2aa103829fe",
     "aac619781ec90bc8c2d4b8958d264adcd5bbe28d8df1d0e18f9f681aa602fe39"},
    {GgmlType::IQ3_S, 2, true, "db4f9e5d71566f5b2e8c853e93d9770839d8fe2edf26148d1625c575e015f7c0",
     "78a16d2cfb3d9a82da61f9cf2a050942bc9eb646283d9bb124c30d0c2f7ca929"},
    {GgmlType::IQ1_S, 2, true, "5278a7c0989f57052260b5cafea9e77d9b552a0704ad2d50f3e706574220aa06",
     "e9c8fbfc733d63fd2d0c299612cde5fea1ec72be62622496da125276dc5089eb"},
    {GgmlType::IQ1_M, 2, false, "304305de0031229735ec088a36d65d33c71888df551f45290b8f0ef75ccf7df1",
     "629ff8803df2cd82364d85f6c0b6503a487e7412e567fe65ac290cf5f628a812"},
    {GgmlType::IQ1_M, 2, true, "d1e4453e91b4dcdd2e574d60b51b2237611be25d21a50ea57dbcd59e6f4c7e12",
     "e0cac66f02859dd8ac955103a7dbc431b24b41dc24e07e41bff15c4517c98b9b"},
    {GgmlType::TQ1_0, 2, false, "3baad350188bb585a78bfb6bbd6ff98b218c0c68f8e45355ac01c7fdcdacf542",
     "63cb444ec2bfac33b6ebd97dd84e5dab225b32d5a6d2323b09a21efc895579f3"},
    {GgmlType::TQ1_0, 2, true, "3baad350188bb585a78bfb6bbd6ff98b218c0c68f8e45355ac01c7fdcdacf542",
     "63cb444ec2bfac33b6ebd97dd84e5dab225b32d5a6d2323b09a21efc895579f3"},
    {GgmlType::TQ2_0, 2, false, "7956c1ac56391c5ffd8313a545c4425e1280ebfeda7f59e17f93076bd12562dd",
     "63cb444ec2bfac33b6ebd97dd84e5dab225b32d5a6d2323b09a21efc895579f3"},
    {GgmlType::TQ2_0, 2, true, "7956c1ac56391c5ffd8313a545c4425e1280ebfeda7f59e17f93076bd12562dd",
     "63cb444ec2bfac33b6ebd97dd84e5dab225b32d5a6d2323b09a21efc895579f3"},
    {GgmlType::Q1_0, 2, false, "97a72c3c5fa8ee6a8eb96389c4b7306fc6c3f692a688233c37d30618be314aa5",
     "e1bb59c08ab605d299c5b0ed7205b1a1fbde7d334f893c8188eefea11a32b7f3"},
    {GgmlType::Q1_0, 2, true, "97a72c3c5fa8ee6a8eb96389c4b7306fc6c3f692a688233c37d30618be314aa5",
     "e1bb59c08ab605d299c5b0ed7205b1a1fbde7d334f893c8188eefea11a32b7f3"},
    {GgmlType::Q2_0, 2, false, "d049cd7780c9dde1162615a43f7013e8e99859238ebf976fa9b2ba2d2c0298d3",
     "d378b49bc7c96744a00cd58143e88882e530e59620b743925ccb54b380790e1b"},
    {GgmlType::Q2_0, 2, true, "d049cd7780c9dde1162615a43f7013e8e99859238ebf976fa9b2ba2d2c0298d3",
     "d378b49bc7c96744a00cd58143e88882e530e59620b743925ccb54b380790e1b"},
    {GgmlType::IQ2_XXS, 3, true, "d53cb592d7ba740bc5489e8cfd9457a12d60445fd41138cf947de68232355c8e",
     "edd4b0406f33bec7acd874ffa9225dbddf2fc0e7470ecb6deb1c28c4e8693948"},
    {GgmlType::IQ2_XS, 3, true, "62a36b5186589b604db14875e63f1d8e55698cb6d1640e7f94f570aabfcf91fa",
     "953a2f2cea5831d5c5063b9a61420d779afedc3d2648b841dc329324fd70b280"},
    {GgmlType::IQ2_S, 3, false, "9df25c42ac71fc48132f3f531436448823264dbf46e27c705714ef04e4c66b2e",
     "64a75a8756021585500bb75070540b86b9a25696f0456f53232914af4f5c3bb6"},
    {GgmlType::IQ2_S, 3, true, "da02f3bcb2f9a1a1f3f84bbdba814616e7d441896d310eb53381901b6885ad3f",
     "cf692aeb38e29937cb1df450d71c011644bed1bda860641e2865f93bffa00d48"},
    {GgmlType::IQ3_XXS, 3, false, "526bc85488edd36dd3985b6576033f5c56d60a77f9e83521038d4d9a2587027e",
     "10101c7af72898a1122b7dd4127bd6430d5381a399beae5a1640305314b7cfc6"},
    {GgmlType::IQ3_XXS, 3, true, "b0610657bdb1a67ec0af93e1950d1177b2e5306d1126424489a556b826b729d2",
     "04a73940af284615a3c8be019d2232c06c2724ed3d0b76484ea8a803acc4bed2"},
    {GgmlType::IQ3_S, 3, false, "af388af9974d7e7311ce0cc4eddda4a217bdddfdb0a9a4ae301256719dc1f6ff",
     "095fc6e167101ca74c4782334b6d57a8c490ec1e8e1f702c8571cf155ed6a177"},
    {GgmlType::IQ3_S, 3, true, "50c349abb2304d6d8e2a1d696bf437b10119346804ffe89006cb2003a1feddb5",
     "b7572bd36f4033b69042807202e4442f4f3aa8bac8707cd810783bd3e376504a"},
    {GgmlType::IQ1_S, 3, true, "066f28c8049824175619249b26f91dbc8fa0ddac8d8f19eccb058967617f3f5f",
     "085b502183583fc7b149caf05c18a475e7da27cbaad8909c011302259ad9acd6"},
    {GgmlType::IQ1_M, 3, false, "7b272c4c06317709140474b76b917d8eb149fdac5b1fc83f62ce69741f7ea774",
     "2570c0170dc4fe8f8cd073c1b474a098de7c4144430676bf5298a936ff98df16"},
    {GgmlType::IQ1_M, 3, true, "5bded7871a87180123be81fa690fb37a51ed6675ec646bc1646297ec00e602a6",
     "84048186c1e5b244f8808f0740bcb3d2586dababca80f100a4545952db213254"},
    {GgmlType::TQ1_0, 3, false, "804a8c0ce96858508f0d463ee0802bc77c0a4f55099f217542d15809883d0558",
     "ce41c958dd9980b819ab44a0eeb8373a9cecf24c27de1e2d4bad258fcb9fdc32"},
    {GgmlType::TQ1_0, 3, true, "804a8c0ce96858508f0d463ee0802bc77c0a4f55099f217542d15809883d0558",
     "ce41c958dd9980b819ab44a0eeb8373a9cecf24c27de1e2d4bad258fcb9fdc32"},
    {GgmlType::TQ2_0, 3, false, "630a69300b72968a9a66e66bdb817ccff409a1dfce1213de45e782d1265afd32",
     "ce41c958dd9980b819ab44a0eeb8373a9cecf24c27de1e2d4bad258fcb9fdc32"},
    {GgmlType::TQ2_0, 3, true, "630a69300b72968a9a66e66bdb817ccff409a1dfce1213de45e782d1265afd32",
     "ce41c958dd9980b819ab44a0eeb8373a9cecf24c27de1e2d4bad258fcb9fdc32"},
    {GgmlType::Q1_0, 3, false, "c47c46666c742015bf5d89339cd79b6ae324f2bfa3f57110ac1c47b06cd23131",
     "64151434d5c980297738af39c45383cbfd384e1092c9a8535f91a235e1510e11"},
    {GgmlType::Q1_0, 3, true, "c47c46666c742015bf5d89339cd79b6ae324f2bfa3f57110ac1c47b06cd23131",
     "64151434d5c980297738af39c45383cbfd384e1092c9a8535f91a235e1510e11"},
    {GgmlType::Q2_0, 3, false, "914438f329a27554f274d8fa77f3d2f4f5c907ad22787214af97cab0e02f4871",
     "977ff2190f3f8e8963232f287318902e91752f3c0848d80bac66ec53d0b9fb9c"},
    {GgmlType::Q2_0, 3, true, "914438f329a27554f274d8fa77f3d2f4f5c907ad22787214af97cab0e02f4871",
     "977ff2190f3f8e8963232f287318902e91752f3c0848d80bac66ec53d0b9fb9c"},
    {GgmlType::IQ2_XXS, 4, true, "fedaa7ed9c0b113ec4b8dfcc997700d0985d40aec2694e20a1a89a687e5605bd",
     "feeaa59d67a08e72ad746b74d7b1c42541ac1396d955ec29ec8f41014bd0cb07"},
    {GgmlType::IQ2_XS, 4, true, "9f8e526bbde153b537040e35d326a9daf02655864c312a32f9daeeb95643133e",
     "d8cf0c5ec9e43f81d8055478ddb0f2ce497a16c87290c6277995ca1bf89d378e"},
    {GgmlType::IQ2_S, 4, false, "9589eac72825c0f81642fbd37941ff112288d9898c5c5cfc48f8e76f92590bdd",
     "53d07ad3e7494d20e9212ba6f1430f8eceb0f59245fa03c4d8aa9a91298ce955"},
    {GgmlType::IQ2_S, 4, true, "6f68937543419e20ab6ec81fc724678682cf08fe0071ad2749109bfb1ffc4ac7",
     "2f725a1a070167c28a2c6bc05de0aaf094c22d39d2d86635f7e940fc9bad3c60"},
    {GgmlType::IQ3_XXS, 4, false, "4e81bf42ab29609751a78e9d5e29650b70bf4216f69aaa3a52e041da682c575a",
     "e336b2f84721d3e98f208510bea45246104fc0bb4b7c69c04de1e236fdef5429"},
    {GgmlType::IQ3_XXS, 4, true, "bb462bd7ffe8639c096b0079f6d22f9f063b3c1fe4f092a8d3a644623f350a4b",
     "a80a919dfecb812914c66dd0dc0581688602ec7a79c907e082f59a1293d10487"},
    {GgmlType::IQ3_S, 4, false, "b59882b3be546a2f0cbfc8c55a49b0ab82fd784f1a92c17fbe2d7ca7ff02738e",
     "ee018b8b37c03fe75648ce0a939012adaa2fa3499f78e274a104cb3cc74fcb02"},
    {GgmlType::IQ3_S, 4, true, "659b28bc06c3a9ec52b9dd743f6ca5064cac06d075437dcb990e4225a58b3d27",
     "868fa25839164bc230ae28b9afa542f1f90caa7fdc17d49a82c4cc37ea471c60"},
    {GgmlType::IQ1_S, 4, true, "80bb0b9c3d188c017c83ebc462923d2ee730111a9ed180597846100086becee8",
     "8fdbf9651bd076644d0af55a1763d93097722d6f3eca96bcef681164aef6c540"},
    {GgmlType::IQ1_M, 4, false, "942e6de28eec23a1e2ff383334d73167666f08529c7f124e54571f93ea5b1dc7",
     "3266bda33066ba6159b9e97fddc474157e03cf798f12d7227689f7100ff4c328"},
    {GgmlType::IQ1_M, 4, true, "a1b709a4a7d940a851a413539ab3b426d3bc71adb366526cd627b97cdabcc3f2",
     "d3cf94b10dfeeaf29238be2530ad672726d7a35395d60db812662e295772398f"},
    {GgmlType::TQ1_0, 4, false, "8eafe6aa7dc1df20863fa83e4d3b6a86a86ce90417ae851061bf866996cf405e",
     "be4528ea4d2e6dddea5ab284042af0c105c0ff533a3231904dbfb9b0e74ebf16"},
    {GgmlType::TQ1_0, 4, true, "8eafe6aa7dc1df20863fa83e4d3b6a86a86ce90417ae851061bf866996cf405e",
     "be4528ea4d2e6dddea5ab284042af0c105c0ff533a3231904dbfb9b0e74ebf16"},
    {GgmlType::TQ2_0, 4, false, "6f5f01d8581b2265d6cc6fdf6e03f410d8641e216ad42b59448b0dabdafd0175",
     "be4528ea4d2e6dddea5ab284042af0c105c0ff533a3231904dbfb9b0e74ebf16"},
    {GgmlType::TQ2_0, 4, true, "6f5f01d8581b2265d6cc6fdf6e03f410d8641e216ad42b59448b0dabdafd0175",
     "be4528ea4d2e6dddea5ab284042af0c105c0ff533a3231904dbfb9b0e74ebf16"},
    {GgmlType::Q1_0, 4, false, "e965e39b2c5dba5b762263ce8a772f9ea7d10b62313b5b00138d0992b6bbfafe",
     "4ed92434d52d56ceb0151afdd7ad972da09a1bf4af4c21021d6c986c790d91ed"},
    {GgmlType::Q1_0, 4, true, "e965e39b2c5dba5b762263ce8a772f9ea7d10b62313b5b00138d0992b6bbfafe",
     "4ed92434d52d56ceb0151afdd7ad972da09a1bf4af4c21021d6c986c790d91ed"},
    {GgmlType::Q2_0, 4, false, "2b589ec9348e4440dee02395fceab9a49006f75903ce21e3e31ef643d78c54b5",
     "856feea1fbf5f24c42b7f39959565e01ba25c93a3467c03c736d4b99eeb68d8c"},
    {GgmlType::Q2_0, 4, true, "2b589ec9348e4440dee02395fceab9a49006f75903ce21e3e31ef643d78c54b5",
     "856feea1fbf5f24c42b7f39959565e01ba25c93a3467c03c736d4b99eeb68d8c"},
    {GgmlType::IQ2_XXS, 5, true, "f3070aeb3bb78c859de0b84b3ac4e0bd9f85e52f712c8f9dacef7dc5cb34f8ef",
     "1617e166e00a1ef188faa0ba01d2d80f5b7bfd6ca0debcf086cfc6dd0f26d83b"},
    {GgmlType::IQ2_XS, 5, true, "ef0cb7c71e8e8c02d21c246dfef086e3f7fc0a8d6f2f9bd08ccb3310e6efa3be",
     "5ad9d10789784490312fb5f19a872df8cde853ab46df3d189e8724ceda63219f"},
    {GgmlType::IQ2_S, 5, false, "d26c29f534a306c0cd391bf902a7e188a804ef2e0cf5859bd340d85a5385b1ba",
     "cfdc2db1a0559ead959bd37bf36454981376e2080b49edd3ac9d8be2e7ef650e"},
    {GgmlType::IQ2_S, 5, true, "d26c29f534a306c0cd391bf902a7e188a804ef2e0cf5859bd340d85a5385b1ba",
     "cfdc2db1a0559ead959bd37bf36454981376e2080b49edd3ac9d8be2e7ef650e"},
    {GgmlType::IQ3_XXS, 5, false, "15b802557a6cc575f7245bdbcb87e077955e869545f1c954b1846ab8cf53da01",
     "d7b53dfb9ebbd9d0def166a4d4ec947d3de73f6c3f0f94970cc89c86fded874a"},
    {GgmlType::IQ3_XXS, 5, true, "69b7da9675520688b0e477b3faaf2e38649a7d1d5726d4086f48fe8e09d1927c",
     "1eee8ceeb8c5e7173cd5ca87c4cfe6589fbbbb62187e9a408cac3475bf0dc8c1"},
    {GgmlType::IQ3_S, 5, false, "7878cdb0f88c8478f4bae3956cff5d93ad57b31564a4eae72bd22daa3007d0d0",
     "6ced6b72ec43eba48ae372d09737fa5b5974d362f6ee592a258df61fde0ac81e"},
    {GgmlType::IQ3_S, 5, true, "e92ac1273aec802db688bc92353eb27cd86e75732f7ad42ad022c422a798d704",
     "d7fcf09ded097c38e39a22373b05066a47e87cadb75630276d37a53d322455a1"},
    {GgmlType::IQ1_S, 5, true, "e3674227a0412e334aa5276663c59ebd5eb42b7dd32dec54dc5e23381a040fcb",
     "95ee95cf7e8d6a6dcc47f2c5182ff782efd65a02ab1a2e8b283ca1412e382e9f"},
    {GgmlType::IQ1_M, 5, false, "00ea2df5cb2f30c29aff6d347e8a676e437cdb44614618c937c9de7ace39a996",
     "78657d5f807149326bf33bd86796de62d4025eab5d6c3235e09ecec641eb545e"},
    {GgmlType::IQ1_M, 5, true, "6bfe83536d57f34ac8daec918d0a8b6aa6b757d911a228ae751eccd0e11e7151",
     "209a8b91c4140cd28d0a673fe8f0e86103af75a6d879e7051da8a85455ed4cbf"},
    {GgmlType::TQ1_0, 5, false, "f2c36b17a10f4b6245e2475e63a956a3cbafbd073358bffea0e051cc81158929",
     "91de629ac535a7cdc4428988225f3c7f9073e2879491b854c15477195485d5de"},
    {GgmlType::TQ1_0, 5, true, "f2c36b17a10f4b6245e2475e63a956a3cbafbd073358bffea0e051cc81158929",
     "91de629ac535a7cdc4428988225f3c7f9073e2879491b854c15477195485d5de"},
    {GgmlType::TQ2_0, 5, false, "dd2183ac354686884a21450d546026fdd04b12e4f3c48d3bb3916fd318fae490",
     "91de629ac535a7cdc4428988225f3c7f9073e2879491b854c15477195485d5de"},
    {GgmlType::TQ2_0, 5, true, "dd2183ac354686884a21450d546026fdd04b12e4f3c48d3bb3916fd318fae490",
     "91de629ac535a7cdc4428988225f3c7f9073e2879491b854c15477195485d5de"},
    {GgmlType::Q1_0, 5, false, "aff7874d4d48fc109d1cf4fd4dbcaf4c6561c3935715f643680b439d90be7877",
     "91de629ac535a7cdc4428988225f3c7f9073e2879491b854c15477195485d5de"},
    {GgmlType::Q1_0, 5, true, "aff7874d4d48fc109d1cf4fd4dbcaf4c6561c3935715f643680b439d90be7877",
     "91de629ac535a7cdc4428988225f3c7f9073e2879491b854c15477195485d5de"},
    {GgmlType::Q2_0, 5, false, "edd7a37c7f20c1ea63278f9564a63d77920813ddf35a2cfbd8b4409ea7021bb1",
     "91de629ac535a7cdc4428988225f3c7f9073e2879491b854c15477195485d5de"},
    {GgmlType::Q2_0, 5, true, "edd7a37c7f20c1ea63278f9564a63d77920813ddf35a2cfbd8b4409ea7021bb1",
     "91de629ac535a7cdc4428988225f3c7f9073e2879491b854c15477195485d5de"},
    {GgmlType::IQ2_XXS, 6, true, "553b87ff2d778eff39d2d713fe2044840cbeb0683f5b7eeaed341cc7433ee9c3",
     "6170a7745bf879633692f546f88d110206a52aab5714b286db22f089493ddc43"},
    {GgmlType::IQ2_XS, 6, true, "0417e8cc5a66e751b0ce1f726d53e5cd6f5971d4bd14d5c2ee8bfaf2aec4b80a",
     "901c08220de46bb95ac724db13a63178054769ef08cf82a7dca227f01eae089a"},
    {GgmlType::IQ2_S, 6, false, "7eb990f9e44a019b75bb072a30ea1a5e80546d5a4e4fe4e28666c0b13f1731e0",
     "2adb62a2992f7d3af170607c56c3962bc4b800c825b95ccee5e3bfbf3ec51dc5"},
    {GgmlType::IQ2_S, 6, true, "7075c770971e6dbdfe087eea582de358ed3c94767ad9d56955e6b2aacb5a077e",
     "947057ae448b7f7cb73571c723468b1299401cc0803548e5bebd42dc947ede8d"},
    {GgmlType::IQ3_XXS, 6, false, "6e4c1659782d70cb35114e655bc16b20f8a094571207ff06f3bd10de1a174b43",
     "2421a7761d7aefb4ac64698651cb794d27eaf4dbb5e44c4403b3e7d639c9cdb0"},
    {GgmlType::IQ3_XXS, 6, true, "488e4293acb695fca682d9d23c8c23868ded1e5e2f4b2abcee5a9226fac4a105",
     "8425c34d38fffc743332b4ba293959cd661cbe329e66d3e393e2bd6b81a2b3f2"},
    {GgmlType::IQ3_S, 6, false, "07bfc548cdfa480010335df9d3e3d243ef2b6ced2f7f01fe3332c6fbdd3daacb",
     "1602d74af0766577c66b7b9b11dee75364f6cef712d28d1b3bb688d0addb815d"},
    {GgmlType::IQ3_S, 6, true, "8db418e33e04aab6bd88c359bdef206639cbb2ba019715deddbd457ea80bc5d6",
     "f9909c0325c370b2554377cca5f13c93b2763fc3b7afef9c5e74027ca9fd7854"},
    {GgmlType::IQ1_S, 6, true, "fda3da93492590b27c024b3eb5ad780a4167631593410f325647aa325d1e08cc",
     "37fa7379dd4c3d4f98bcb4fcacb2616aa9de500e475c4b05ce77efe6f8f315c1"},
    {GgmlType::IQ1_M, 6, false, "0a479e23d4d1f756c513d179ed0397adf983b56b4a11b22b11c00dc42c0bc664",
     "a031f69a3a1c3d10d1180415c9de497ad41a479b45fb1dd7fbbce59e09b62dcd"},
    {GgmlType::IQ1_M, 6, true, "1447787f49fee0c8bc6fe4ca5699bf8848b5a850c0f1dbc30086f75000ebd630",
     "a423d8924e3b2efebe0115d341a4e95e55b521b5665b87be50e9634cbc43ac5b"},
    {GgmlType::TQ1_0, 6, false, "0ac4a73ad3e3d14cb2aa4d137e041d7339a2ea1516fce8b09d060a8d12a74a8f",
     "6a0daf48e8db0fa33511c338ce0a654d90c1f66facaa822d61ba26e0c8d2ff38"},
    {GgmlType::TQ1_0, 6, true, "0ac4a73ad3e3d14cb2aa4d137e041d7339a2ea1516fce8b09d060a8d12a74a8f",
     "6a0daf48e8db0fa33511c338ce0a654d90c1f66facaa822d61ba26e0c8d2ff38"},
    {GgmlType::TQ2_0, 6, false, "3a9e0a812eaef622d4a4169619a22217850614c0a7d3c97cf0f7381f61917725",
     "6a0daf48e8db0fa33511c338ce0a654d90c1f66facaa822d61ba26e0c8d2ff38"},
    {GgmlType::TQ2_0, 6, true, "3a9e0a812eaef622d4a4169619a22217850614c0a7d3c97cf0f7381f61917725",
     "6a0daf48e8db0fa33511c338ce0a654d90c1f66facaa822d61ba26e0c8d2ff38"},
    {GgmlType::Q1_0, 6, false, "c67c18ae523c66a02e8993e7bb4b205235ee88065fa0419eebb5c8a76d1c8b95",
     "cfa5b1076737eb6265924aa635ba3f90bbd604a80424917c8219b14f27dc3f3b"},
    {GgmlType::Q1_0, 6, true, "c67c18ae523c66a02e8993e7bb4b205235ee88065fa0419eebb5c8a76d1c8b95",
     "cfa5b1076737eb6265924aa635ba3f90bbd604a80424917c8219b14f27dc3f3b"},
    {GgmlType::Q2_0, 6, false, "4a9dab5ed4d40039bdefbf12acb2608981fb3f46a93dda9b009d4381b0a870c5",
     "76e21efcaa2c292746e05e25db27e32817022c5acb97c28e24c301924ea3cfef"},
    {GgmlType::Q2_0, 6, true, "4a9dab5ed4d40039bdefbf12acb2608981fb3f46a93dda9b009d4381b0a870c5",
     "76e21efcaa2c292746e05e25db27e32817022c5acb97c28e24c301924ea3cfef"},
};

} // namespace qf::test
