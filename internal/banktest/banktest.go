// Package banktest gives tests the example bank of the repository, the one
// with a process of its own (examples/bostadsbolaget), as its
// configuration: the tests of the packages that read a process run on it
// beside the default.
package banktest

import (
	"os"
	"testing"

	"github.com/idebanken/idebanken/internal/config"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/model"
)

// ExampleDir is the example bank's folder, from a package under internal/.
const ExampleDir = "../../examples/bostadsbolaget"

// ExampleYAML returns the text of the example bank's idebank.yaml, for a
// test that changes it before it reads it.
func ExampleYAML(tb testing.TB) string {
	tb.Helper()
	data, err := os.ReadFile(ExampleDir + "/idebank.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}

// Config returns the configuration yaml describes, failing the test where
// it has a problem.
func Config(tb testing.TB, yaml string) *model.Config {
	tb.Helper()
	var diags diag.List
	cfg := config.Parse([]byte(yaml), &diags)
	if cfg == nil || diags.Len() > 0 {
		tb.Fatalf("the configuration: %v", diags.Items())
	}
	return cfg
}

// Example returns the example bank's configuration.
func Example(tb testing.TB) *model.Config {
	tb.Helper()
	return Config(tb, ExampleYAML(tb))
}
