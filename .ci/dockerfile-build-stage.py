#!/usr/bin/env python3
"""The Dockerfile's build stage, run here: no Docker engine runs on the CI machines, so `docker build` cannot prove the
image builds. This replays the stage's COPY, WORKDIR and RUN lines (apt-get skipped: node and npm are here already) in
a scratch directory, honouring .dockerignore's bin/, obj/ and node_modules/, and then starts the published `stream`.
It caught the restore failing once the BigQuery project was referenced but not copied before `dotnet restore`.

usage: dockerfile-build-stage.py <repository> <scratch directory>
"""
import os
import shutil
import subprocess
import sys

repo, scratch = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
shutil.rmtree(scratch, ignore_errors=True)
os.makedirs(scratch)
ignored = shutil.ignore_patterns("bin", "obj", "node_modules")
lines = open(os.path.join(repo, "Dockerfile")).read().replace("\\\n", " ").split("\n")
in_build_stage, workdir = False, scratch
for line in (l.strip() for l in lines):
    if line.startswith("FROM"):
        in_build_stage = line.endswith(" AS build")
        continue
    if not in_build_stage or not line or line.startswith("#"):
        continue
    instruction, _, rest = line.partition(" ")
    if instruction == "WORKDIR":
        workdir = os.path.join(scratch, rest.strip().lstrip("/"))
        os.makedirs(workdir, exist_ok=True)
    elif instruction == "COPY":
        *sources, destination = rest.split()
        for source in sources:
            path = os.path.join(repo, source)
            target = os.path.join(workdir, destination)
            if os.path.isdir(path):
                shutil.copytree(path, target, dirs_exist_ok=True, ignore=ignored)
            else:
                into = target if destination.endswith("/") else os.path.dirname(target)
                os.makedirs(into, exist_ok=True)
                shutil.copy2(path, os.path.join(into, os.path.basename(source)) if destination.endswith("/") else target)
    elif instruction == "RUN":
        if "apt-get" in rest:
            continue
        command = rest.replace(" /app", " " + os.path.join(scratch, "app"))
        print("dockerfile: RUN " + command, flush=True)
        if subprocess.run(command, shell=True, cwd=workdir).returncode != 0:
            sys.exit("dockerfile: the build stage failed at: RUN " + rest)
    else:
        sys.exit(f"dockerfile: {instruction} in the build stage is not replayed here; teach {sys.argv[0]} it")
app = os.path.join(scratch, "app")
if subprocess.run([os.path.join(app, "stream"), "--help"], stdout=subprocess.DEVNULL).returncode != 0:
    sys.exit("dockerfile: the published stream does not start")
print(f"dockerfile: the build stage publishes {app}, and its stream starts")
