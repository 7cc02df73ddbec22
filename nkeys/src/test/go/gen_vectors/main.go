// Command gen_vectors prints known-answer vectors, produced by the Go NATS libraries
// (nkeys, jwt/v2), that the Java tests of nats4j-nkeys check against.
//
// Run: go run . > ../../resources/vectors.json
package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/nats-io/jwt/v2"
	"github.com/nats-io/nkeys"
)

const message = "nats4j known-answer message"

type keyVector struct {
	Type      string `json:"type"`
	RawSeed   string `json:"raw_seed_hex"`
	Seed      string `json:"seed"`
	PublicKey string `json:"public_key"`
	Signature string `json:"signature"`
}

func rawSeed(fill byte) []byte {
	raw := make([]byte, 32)
	for i := range raw {
		raw[i] = fill + byte(i)*7
	}
	return raw
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func fromRaw(prefix nkeys.PrefixByte, fill byte) nkeys.KeyPair {
	seed := must(nkeys.EncodeSeed(prefix, rawSeed(fill)))
	if prefix == nkeys.PrefixByteCurve {
		return must(nkeys.FromCurveSeed(seed))
	}
	return must(nkeys.FromSeed(seed))
}

func main() {
	b64 := base64.RawURLEncoding
	out := map[string]any{"message": message}

	types := []struct {
		name   string
		prefix nkeys.PrefixByte
		fill   byte
	}{
		{"OPERATOR", nkeys.PrefixByteOperator, 1},
		{"ACCOUNT", nkeys.PrefixByteAccount, 2},
		{"USER", nkeys.PrefixByteUser, 3},
		{"SERVER", nkeys.PrefixByteServer, 4},
		{"CLUSTER", nkeys.PrefixByteCluster, 5},
		{"CURVE", nkeys.PrefixByteCurve, 6},
	}
	var keys []keyVector
	for _, t := range types {
		kp := fromRaw(t.prefix, t.fill)
		v := keyVector{Type: t.name, RawSeed: fmt.Sprintf("%x", rawSeed(t.fill)),
			Seed: string(must(kp.Seed())), PublicKey: must(kp.PublicKey())}
		if t.prefix != nkeys.PrefixByteCurve {
			v.Signature = b64.EncodeToString(must(kp.Sign([]byte(message))))
		}
		keys = append(keys, v)
	}
	out["keys"] = keys

	// xkey box sealed by Go with a fixed nonce: sender fill 7, recipient fill 6 (the CURVE key above).
	sender := fromRaw(nkeys.PrefixByteCurve, 7)
	recipient := fromRaw(nkeys.PrefixByteCurve, 6)
	nonce := bytes.Repeat([]byte{0x42}, 24)
	sealed := must(sender.(interface {
		SealWithRand([]byte, string, io.Reader) ([]byte, error)
	}).SealWithRand([]byte("sealed by go nkeys"), must(recipient.PublicKey()), bytes.NewReader(nonce)))
	out["xkey"] = map[string]any{
		"sender_seed":      string(must(sender.Seed())),
		"sender_public":    must(sender.PublicKey()),
		"recipient_seed":   string(must(recipient.Seed())),
		"recipient_public": must(recipient.PublicKey()),
		"plain":            "sealed by go nkeys",
		"sealed_base64":    base64.StdEncoding.EncodeToString(sealed),
	}

	// JWTs: operator (fill 1) -> account (fill 2) -> user (fill 3).
	operator := fromRaw(nkeys.PrefixByteOperator, 1)
	account := fromRaw(nkeys.PrefixByteAccount, 2)
	user := fromRaw(nkeys.PrefixByteUser, 3)
	accountPub := must(account.PublicKey())
	userPub := must(user.PublicKey())

	oc := jwt.NewOperatorClaims(must(operator.PublicKey()))
	oc.Name = "go-operator"
	oc.SystemAccount = accountPub
	operatorJwt := must(oc.Encode(operator))

	ac := jwt.NewAccountClaims(accountPub)
	ac.Name = "go-account"
	ac.Limits.JetStreamLimits.MemoryStorage = -1
	ac.Limits.JetStreamLimits.DiskStorage = -1
	accountJwt := must(ac.Encode(operator))

	uc := jwt.NewUserClaims(userPub)
	uc.Name = "go-user <&>"
	uc.Expires = 4102444800 // 2100-01-01
	uc.Pub.Allow.Add("foo.>", "bar")
	uc.Pub.Deny.Add("foo.secret")
	uc.Sub.Allow.Add("_INBOX.>")
	uc.Limits.Payload = 1024
	userJwt := must(uc.Encode(account))

	out["jwt"] = map[string]any{"operator": operatorJwt, "account": accountJwt, "user": userJwt}
	out["creds"] = string(must(jwt.FormatUserConfig(userJwt, must(user.Seed()))))

	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}
