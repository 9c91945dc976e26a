package gluestack;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * Serves s3://bucket/key (and s3a://, s3n://) from ROOT/bucket/key on the local disk, so Glue
 * scripts run unmodified offline. Delegates to RawLocalFileSystem and maps paths both ways;
 * subclassing RawLocalFileSystem instead would map the paths it returns a second time.
 */
public class LocalS3FileSystem extends FileSystem {
  public static final String ROOT_KEY = "gluestack.s3.root";

  private URI uri;
  private String rootPath;
  private RawLocalFileSystem local;
  private Path workingDirectory;

  @Override
  public void initialize(URI name, Configuration conf) throws IOException {
    super.initialize(name, conf);
    setConf(conf);
    String root = conf.get(ROOT_KEY);
    if (root == null) {
      throw new IOException(ROOT_KEY + " is not set: it names the folder that holds s3 buckets");
    }
    uri = URI.create(name.getScheme() + "://" + name.getAuthority());
    rootPath = new File(root).getAbsoluteFile().toURI().getPath().replaceAll("/+$", "");
    local = new RawLocalFileSystem();
    local.initialize(URI.create("file:///"), conf);
    workingDirectory = new Path(uri.toString() + "/");
  }

  @Override
  public String getScheme() {
    return uri.getScheme();
  }

  @Override
  public URI getUri() {
    return uri;
  }

  private Path toLocal(Path path) {
    URI target = (path.isAbsolute() ? path : new Path(workingDirectory, path)).toUri();
    String bucket = target.getAuthority() != null ? target.getAuthority() : uri.getAuthority();
    return new Path("file", null, rootPath + "/" + bucket + target.getPath());
  }

  private Path toS3(Path localPath) {
    String relative = localPath.toUri().getPath().substring(rootPath.length() + 1);
    int slash = relative.indexOf('/');
    String bucket = slash < 0 ? relative : relative.substring(0, slash);
    String key = slash < 0 ? "/" : relative.substring(slash);
    return new Path(uri.getScheme(), bucket, key);
  }

  private FileStatus toS3(FileStatus status) throws IOException {
    return new FileStatus(status.getLen(), status.isDirectory(), status.getReplication(),
        status.getBlockSize(), status.getModificationTime(), status.getAccessTime(),
        status.getPermission(), status.getOwner(), status.getGroup(), toS3(status.getPath()));
  }

  @Override
  public FSDataInputStream open(Path path, int bufferSize) throws IOException {
    return local.open(toLocal(path), bufferSize);
  }

  @Override
  public FSDataOutputStream create(Path path, FsPermission permission, boolean overwrite,
      int bufferSize, short replication, long blockSize, Progressable progress)
      throws IOException {
    return local.create(toLocal(path), permission, overwrite, bufferSize, replication, blockSize,
        progress);
  }

  @Override
  public FSDataOutputStream append(Path path, int bufferSize, Progressable progress)
      throws IOException {
    return local.append(toLocal(path), bufferSize, progress);
  }

  @Override
  public boolean rename(Path source, Path target) throws IOException {
    return local.rename(toLocal(source), toLocal(target));
  }

  @Override
  public boolean delete(Path path, boolean recursive) throws IOException {
    return local.delete(toLocal(path), recursive);
  }

  @Override
  public FileStatus[] listStatus(Path path) throws IOException {
    FileStatus[] found = local.listStatus(toLocal(path));
    FileStatus[] mapped = new FileStatus[found.length];
    for (int i = 0; i < found.length; i++) {
      mapped[i] = toS3(found[i]);
    }
    return mapped;
  }

  @Override
  public void setWorkingDirectory(Path directory) {
    workingDirectory = directory;
  }

  @Override
  public Path getWorkingDirectory() {
    return workingDirectory;
  }

  @Override
  public boolean mkdirs(Path path, FsPermission permission) throws IOException {
    return local.mkdirs(toLocal(path), permission);
  }

  @Override
  public FileStatus getFileStatus(Path path) throws IOException {
    return toS3(local.getFileStatus(toLocal(path)));
  }
}
