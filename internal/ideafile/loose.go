package ideafile

import (
	"regexp"

	"github.com/idebanken/idebanken/internal/model"
)

var stageLine = regexp.MustCompile(`(?m)^stage:[ \t]*["']?([a-z-]+)["']?[ \t]*(?:#.*)?\r?$`)

// LooseStage finds the stage of an idea file without parsing it: for the
// version of a file that does not parse, and for reading thousands of old
// versions quickly. It returns "" when there is no stage line.
func LooseStage(data []byte) model.Stage {
	if m := stageLine.FindSubmatch(data); m != nil {
		return model.Stage(m[1])
	}
	return ""
}

var fenceLine = regexp.MustCompile(`(?m)^---[ \t]*$`)

var fileID = regexp.MustCompile(`(?:^|/)([0-9]{4}-[0-9]{3,})-[^/]*\.md$`)

// IDFromPath returns the id in an idea file's name, or "".
func IDFromPath(path string) model.ID {
	if m := fileID.FindStringSubmatch(path); m != nil {
		return model.ID(m[1])
	}
	return ""
}
