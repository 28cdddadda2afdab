package corpus

import (
	"os"
	"path/filepath"
)

// WriteDir writes the idea bank of Generate(n, seed) into dir, which it
// makes if need be: idebank.yaml (Config) and the files under ideas/.
func WriteDir(dir string, n int, seed uint64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "idebank.yaml"), []byte(Config), 0o644); err != nil {
		return err
	}
	made := map[string]bool{}
	for _, f := range Generate(n, seed) {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
